package cn.ets.registry.gateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.Json;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPackingTest {
    private static JsonElement trade(String seller, String buyer) {
        return Json.obj("seller", seller, "buyer", buyer);
    }

    @Test
    void unrelated_trades_share_transactions_and_no_account_is_in_two_of_them() {
        List<JsonElement> trades = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trades.add(trade("S" + i, "B" + i));
        }
        trades.add(trade("S0", "X")); // joins S0's group, after its first trade
        List<List<Integer>> packed = BatchSettlement.pack(BatchSettlement.groupByAccount(trades), 4);

        assertThat(packed).containsExactly(List.of(0, 1, 2, 10), List.of(3, 4, 5, 6), List.of(7, 8, 9));
    }

    @Test
    void a_group_larger_than_a_transaction_stays_whole_and_in_order() {
        List<JsonElement> trades = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trades.add(trade("HOT", "B" + i));
        }
        trades.add(trade("A", "B"));
        List<List<Integer>> packed = BatchSettlement.pack(BatchSettlement.groupByAccount(trades), 4);

        assertThat(packed).containsExactly(List.of(0, 1, 2, 3, 4, 5), List.of(6));
    }
}
