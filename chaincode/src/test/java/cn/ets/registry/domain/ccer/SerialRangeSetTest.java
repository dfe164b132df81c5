package cn.ets.registry.domain.ccer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SerialRangeSetTest {

    private static SerialRangeSet set(long... bounds) {
        List<SerialRange> ranges = new ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            ranges.add(new SerialRange(bounds[i], bounds[i + 1]));
        }
        return SerialRangeSet.of(ranges);
    }

    @Test
    void taking_uses_the_lowest_serials_first_and_splits_a_range() {
        SerialRangeSet.Split split = set(1, 100, 201, 300).take(150);

        assertThat(split.taken()).isEqualTo(set(1, 100, 201, 250));
        assertThat(split.remaining()).isEqualTo(set(251, 300));
    }

    @Test
    void taking_everything_leaves_an_empty_set() {
        SerialRangeSet.Split split = set(1, 10).take(10);

        assertThat(split.taken()).isEqualTo(set(1, 10));
        assertThat(split.remaining().isEmpty()).isTrue();
    }

    @Test
    void touching_ranges_merge_whatever_the_order_they_arrive_in() {
        assertThat(set(11, 20, 1, 10, 21, 30).ranges()).containsExactly(new SerialRange(1, 30));
        assertThat(set(1, 10, 31, 40, 11, 30).ranges()).containsExactly(new SerialRange(1, 40));
        assertThat(set(50, 60, 1, 10, 20, 30).ranges())
                .containsExactly(new SerialRange(1, 10), new SerialRange(20, 30), new SerialRange(50, 60));
    }

    @Test
    void a_serial_already_held_cannot_be_added_again() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> set(1, 100).plus(new SerialRange(100, 120)))
                .extracting(DomainException::code)
                .isEqualTo(ErrorCode.ALREADY_ISSUED);
    }

    @Test
    void taking_more_than_is_held_is_refused() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> set(1, 100).take(101))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_HOLDINGS);
                    assertThat(e.details()).containsEntry("held", 100L).containsEntry("requested", 101L);
                });
    }

    @Test
    void random_issue_transfer_and_retire_never_put_a_serial_in_two_places_and_conserve_every_tonne() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < 200; run++) {
            SerialRangeSet[] accounts = {SerialRangeSet.empty(), SerialRangeSet.empty(), SerialRangeSet.empty()};
            SerialRangeSet retired = SerialRangeSet.empty();
            long lastEnd = 0;
            for (int step = 0; step < 100; step++) {
                int from = random.nextInt(accounts.length);
                int action = random.nextInt(3);
                String where = "seed " + seed + ", run " + run + ", step " + step;
                if (action == 0 || accounts[from].isEmpty()) {
                    SerialRange issued = SerialAllocator.next(lastEnd, 1 + random.nextInt(1_000));
                    lastEnd = issued.end();
                    accounts[from] = accounts[from].plus(issued);
                } else {
                    long quantity = 1 + (long) (random.nextDouble() * accounts[from].size());
                    SerialRangeSet.Split split = accounts[from].take(quantity);
                    assertThat(split.taken().size()).as(where).isEqualTo(quantity);
                    if (!split.remaining().isEmpty()) {
                        assertThat(last(split.taken()).end())
                                .as(where + ": lowest serials first")
                                .isLessThan(split.remaining().ranges().get(0).start());
                    }
                    accounts[from] = split.remaining();
                    if (action == 1) {
                        int to = random.nextInt(accounts.length);
                        accounts[to] = accounts[to].plus(split.taken());
                    } else {
                        retired = retired.plus(split.taken());
                    }
                }
                List<SerialRangeSet> places = new ArrayList<>(List.of(accounts));
                places.add(retired);
                assertExactlyOnce(places, lastEnd, where);
            }
        }
    }

    /** Every serial 1..lastEnd sits in exactly one range of one place, and each place is canonical. */
    private static void assertExactlyOnce(List<SerialRangeSet> places, long lastEnd, String where) {
        List<SerialRange> all = new ArrayList<>();
        for (SerialRangeSet place : places) {
            List<SerialRange> ranges = place.ranges();
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i - 1).end() + 1)
                        .as(where + ": sorted, apart " + place)
                        .isLessThan(ranges.get(i).start());
            }
            all.addAll(ranges);
        }
        all.sort(Comparator.naturalOrder());
        long expectedStart = 1;
        for (SerialRange range : all) {
            assertThat(range.start())
                    .as(where + ": no gap and no serial twice in " + all)
                    .isEqualTo(expectedStart);
            expectedStart = range.end() + 1;
        }
        assertThat(expectedStart - 1)
                .as(where + ": every issued tonne accounted for")
                .isEqualTo(lastEnd);
        assertThat(places.stream().mapToLong(SerialRangeSet::size).sum())
                .as(where)
                .isEqualTo(lastEnd);
    }

    private static SerialRange last(SerialRangeSet set) {
        return set.ranges().get(set.ranges().size() - 1);
    }
}
