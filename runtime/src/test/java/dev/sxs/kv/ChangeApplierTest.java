package dev.sxs.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pending log's applier: an add and the remove of the same key right after it never reach the index. */
class ChangeApplierTest
{
    private final List<String> applied = new ArrayList<>();
    private final ChangeApplier applier = new ChangeApplier(
        change -> applied.add((change.added() ? "+" : "-") + change.key()));

    private static KeyChange add(final String key)
    {
        return new KeyChange(key, true, true);
    }

    private static KeyChange remove(final String key)
    {
        return new KeyChange(key, false, true);
    }

    @Test
    void shouldDropAnAddAndTheRemoveOfTheSameKeyRightAfterIt()
    {
        applier.accept(add("task:1"));
        applier.accept(remove("task:1"));
        applier.accept(add("task:2"));
        applier.accept(remove("task:2"));
        applier.flush();
        assertEquals(List.of(), applied);
        assertEquals(2, applier.cancelledPairs());
    }

    @Test
    void shouldApplyEveryOtherChangeInTheOrderOfTheLog()
    {
        applier.accept(add("a"));
        applier.accept(add("b"));
        applier.accept(remove("a"));
        applier.accept(remove("b"));
        applier.accept(add("b"));
        applier.accept(add("c"));
        assertEquals(List.of("+a", "+b", "-a", "-b", "+b"), applied, "the last add waits for the next change");
        applier.flush();
        assertEquals(List.of("+a", "+b", "-a", "-b", "+b", "+c"), applied);
        applier.flush();
        assertEquals(6, applied.size(), "a flush applies a held add once");
        assertEquals(0, applier.cancelledPairs());
    }

    @Test
    void shouldKeepAnAddRecordedWhileTheIndexWasBeingBuilt()
    {
        applier.accept(new KeyChange("k", true, false));
        applier.accept(remove("k"));
        applier.accept(add("k"));
        applier.accept(remove("k"));
        applier.flush();
        assertEquals(List.of("+k", "-k"), applied);
        assertEquals(1, applier.cancelledPairs());
    }
}
