package dev.sxs.bench.probe;

/**
 * Three copies of one small host method, so one benchmark run compares them: {@link Never} is never probed,
 * {@link Probed} is probed for the whole run, {@link Off} is probed and then unprobed ({@code core/probe/off})
 * before the measurement. They know nothing of sxs.
 */
public final class Targets
{
    private Targets()
    {
    }

    /** Never probed: the baseline. */
    public static final class Never
    {
        private Never()
        {
        }

        /**
         * @param item an item name.
         * @param qty  a quantity.
         * @return a price.
         */
        public static long place(final String item, final int qty)
        {
            return (long)qty * item.length() + 7;
        }
    }

    /** Probed for the whole run. */
    public static final class Probed
    {
        private Probed()
        {
        }

        /**
         * @param item an item name.
         * @param qty  a quantity.
         * @return a price.
         */
        public static long place(final String item, final int qty)
        {
            return (long)qty * item.length() + 7;
        }
    }

    /** Probed, then unprobed before the measurement. */
    public static final class Off
    {
        private Off()
        {
        }

        /**
         * @param item an item name.
         * @param qty  a quantity.
         * @return a price.
         */
        public static long place(final String item, final int qty)
        {
            return (long)qty * item.length() + 7;
        }
    }
}
