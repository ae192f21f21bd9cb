package dev.sxs.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxs.kv.ChronicleKvStore;
import dev.sxs.kv.KvOptions;
import dev.sxs.kv.KvStore;
import dev.sxs.lang.HiddenKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lease rule of {@link TaskLeases}, two runtimes on one store with a clock the test moves and ticks the test
 * calls (no lease thread): a renewing owner keeps its tasks; one that stops renewing stops committing at least a
 * renewal interval before the other takes its tasks over; an owner declared dead drops its tasks and enrols anew;
 * a clean close hands the tasks over at once; ids are unique across runtimes and above the tasks already stored.
 */
class TaskLeasesTest
{
    private static final long LEASE = 1000;
    private static final long RENEW = 200;
    private static final TaskLeaseOptions SHARED = new TaskLeaseOptions(true, LEASE, RENEW);

    private final KvStore store = ChronicleKvStore.open(KvOptions.inMemory(10_000));
    private final AtomicLong clock = new AtomicLong(TimeUnit.SECONDS.toNanos(1234));

    @AfterEach
    void close()
    {
        store.close();
    }

    /** A member of the cluster: its tasks as ids: what it claims and what it releases. */
    private final class Member implements LeasedTasks
    {
        final Set<Long> mine = new ConcurrentSkipListSet<>();
        final TaskLeases leases = new TaskLeases(SHARED, store, clock::get, this);
        int releases;

        @Override
        public void releaseAll()
        {
            mine.clear();
            releases++;
        }

        @Override
        public void claim(final Predicate<KvStore> claim, final AtomicLong lastId)
        {
            for (final String key : store.keys(HiddenKeys.TASKS, 0, 1000))
            {
                final String id = key.substring(HiddenKeys.TASKS.length());
                if (id.chars().allMatch(Character::isDigit))
                {
                    lastId.accumulateAndGet(Long.parseLong(id), Math::max);
                    if (!mine.contains(Long.parseLong(id)) && claim.test(store.scoped(store.get(key))))
                    {
                        mine.add(Long.parseLong(id));
                    }
                }
            }
        }

        Member start()
        {
            leases.recover(new AtomicLong());
            return this;
        }

        /** Spawn a task owned by this runtime, as the engine does: id, owner stamp, then the index entry. */
        long spawn()
        {
            final long id = leases.nextId(new AtomicLong());
            leases.stamp(store.scoped("task:" + id + ":"));
            store.put(HiddenKeys.TASKS + id, "task:" + id + ":");
            mine.add(id);
            return id;
        }
    }

    private String ownerOf(final long id)
    {
        return store.get("task:" + id + ":" + TaskLeases.OWNER);
    }

    private void advance(final long millis)
    {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void shouldKeepTheTasksOfARenewingOwner()
    {
        final Member a = new Member().start();
        final long task = a.spawn();
        final Member b = new Member().start();
        assertTrue(b.mine.isEmpty(), "a live owner's task is not claimed at start");
        for (long t = 0; t < 5 * LEASE; t += RENEW)
        {
            advance(RENEW);
            a.leases.tick();
            b.leases.tick();
            assertTrue(a.leases.held());
            assertTrue(b.mine.isEmpty());
        }
        assertEquals(a.leases.owner(), ownerOf(task));
        assertEquals(Set.of(task), a.mine);
    }

    @Test
    void shouldStopCommittingARenewalBeforeAnotherTakesOver()
    {
        final Member a = new Member().start();
        final long task = a.spawn();
        final Member b = new Member().start();
        b.leases.tick(); // b sees a's heartbeat now
        final long lastRenewal = clock.get();
        long stoppedAt = -1;
        long takenAt = -1;
        // a stops renewing (its JVM died or hangs); b keeps ticking
        for (long t = 0; t < 4 * LEASE && takenAt < 0; t += RENEW / 4)
        {
            advance(RENEW / 4);
            if (stoppedAt < 0 && !a.leases.held())
            {
                stoppedAt = clock.get();
            }
            b.leases.tick();
            if (b.mine.contains(task))
            {
                takenAt = clock.get();
            }
        }
        assertTrue(stoppedAt > 0 && takenAt > 0, "a stopped and b took over");
        assertEquals(lastRenewal + TimeUnit.MILLISECONDS.toNanos(LEASE - RENEW), stoppedAt);
        assertTrue(takenAt - stoppedAt >= TimeUnit.MILLISECONDS.toNanos(RENEW), "a renewal's margin in between");
        assertTrue(takenAt - lastRenewal <= TimeUnit.MILLISECONDS.toNanos(LEASE + RENEW), "taken within a lease");
        assertEquals(b.leases.owner(), ownerOf(task));
        assertTrue(store.keys(TaskLeases.OWNERS, 0, 10).stream().noneMatch(k -> k.endsWith(a.leases.owner())),
            "the dead owner's heartbeat removed once its tasks have new owners");
    }

    @Test
    void shouldDropEverythingAndEnrolAnewWhenDeclaredDead()
    {
        final Member a = new Member().start();
        final long task = a.spawn();
        final String first = a.leases.owner();
        final Member b = new Member().start();
        for (long t = 0; t <= 2 * LEASE; t += RENEW)
        {
            advance(RENEW);
            b.leases.tick(); // a hangs meanwhile: no renewal
        }
        assertEquals(b.leases.owner(), ownerOf(task));
        assertFalse(a.leases.held());
        a.leases.tick(); // back: its renewal fails
        assertEquals(1, a.releases);
        assertTrue(a.mine.isEmpty(), "it runs none of its old tasks");
        assertNull(a.leases.owner(), "no owner id until it owns a task again");
        assertEquals(b.leases.owner(), ownerOf(task), "the task stays with the runtime that took it");
        final long next = a.spawn();
        assertNotEquals(first, a.leases.owner(), "enrolled again under a new id");
        assertTrue(a.leases.held());
        assertEquals(a.leases.owner(), ownerOf(next));
    }

    @Test
    void shouldHandTheTasksOverAtOnceOnAClose()
    {
        final Member a = new Member().start();
        final long task = a.spawn();
        final Member b = new Member().start();
        a.leases.close();
        assertFalse(a.leases.held());
        assertEquals(1, a.releases);
        b.leases.tick(); // no time has passed
        assertEquals(Set.of(task), b.mine);
        assertEquals(b.leases.owner(), ownerOf(task));
    }

    @Test
    void shouldTakeTasksWithoutAnOwnerAndCountIdsAboveThem() throws Exception
    {
        store.put(HiddenKeys.TASKS + 7, "task:7:"); // a task from before leases, or of the embedded store
        final Member a = new Member().start();
        final Member b = new Member().start();
        assertEquals(Set.of(7L), a.mine);
        assertTrue(b.mine.isEmpty());
        final List<CompletableFuture<List<Long>>> spawning = new ArrayList<>();
        for (final Member r : List.of(a, b, a, b))
        {
            spawning.add(CompletableFuture.supplyAsync(() ->
            {
                final List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 250; i++)
                {
                    ids.add(r.leases.nextId(new AtomicLong()));
                }
                return ids;
            }));
        }
        final TreeSet<Long> all = new TreeSet<>();
        for (final CompletableFuture<List<Long>> ids : spawning)
        {
            all.addAll(ids.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1000, all.size(), "no id handed out twice");
        assertEquals(8L, all.first());
        assertEquals(1007L, all.last());
    }

    @Test
    void shouldWriteNothingForRuntimesWithoutTasks()
    {
        final Member a = new Member().start();
        final Member b = new Member().start();
        for (long t = 0; t < 3 * LEASE; t += RENEW)
        {
            advance(RENEW);
            a.leases.tick();
            b.leases.tick();
        }
        assertNull(a.leases.owner());
        assertEquals(0, store.size(), "no heartbeat and no counter in the store");
    }

    @Test
    void shouldWriteNothingAndAlwaysHoldOnAnUnsharedStore()
    {
        store.put(HiddenKeys.TASKS + 3, "task:3:");
        final List<Long> claimed = new ArrayList<>();
        final TaskLeases local = new TaskLeases(TaskLeaseOptions.local(), store, clock::get, new LeasedTasks()
        {
            @Override
            public void releaseAll()
            {
                throw new AssertionError("nothing to release");
            }

            @Override
            public void claim(final Predicate<KvStore> claim, final AtomicLong lastId)
            {
                claimed.add(claim.test(store.scoped("task:3:")) ? 3L : -1L);
                lastId.set(3);
            }
        });
        final AtomicLong ids = new AtomicLong();
        local.recover(ids);
        advance(100 * LEASE);
        assertTrue(local.held());
        assertEquals(List.of(3L), claimed);
        assertEquals(4, local.nextId(ids));
        assertNull(local.stamp(store.scoped("task:4:")));
        assertEquals(1, store.size(), "no heartbeat, owner or counter written");
        local.close();
    }
}
