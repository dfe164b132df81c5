package cn.ets.registry.chaincode;

import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.Holding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result shapes shared by several contracts (the REST contract's field names). */
public final class Views {
    private Views() {
    }

    public static Map<String, Object> account(Account a, Map<String, Holding> holdings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("type", a.type().name());
        m.put("name", a.name());
        m.put("province", a.province());
        m.put("sector", a.sector());
        m.put("status", a.status().name());
        m.put("statusReason", a.statusReason());
        List<Map<String, Object>> hs = new ArrayList<>();
        holdings.forEach((product, h) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("product", product);
            x.put("quantity", h.quantity());
            x.put("locked", h.locked());
            hs.add(x);
        });
        m.put("holdings", hs);
        return m;
    }
}
