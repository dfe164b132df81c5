package cn.ets.registry.domain.ccer;

import java.util.ArrayList;
import java.util.List;

/** A registered CCER project and the monitoring periods already issued for. */
public record CcerProject(
        String id,
        String name,
        String methodology,
        String owner,
        String province,
        boolean insideEtsBoundary,
        List<MonitoringPeriod> periods) {

    public static CcerProject register(
            String id, String name, String methodology, String owner, String province, boolean insideEtsBoundary) {
        return new CcerProject(id, name, methodology, owner, province, insideEtsBoundary, List.of());
    }

    /** The project with one more period issued; periods of a project never overlap (ALREADY_ISSUED). */
    public CcerProject withIssuedPeriod(MonitoringPeriod period) {
        MonitoringPeriods.checkNoOverlap(periods, period);
        List<MonitoringPeriod> all = new ArrayList<>(periods);
        all.add(period);
        return new CcerProject(id, name, methodology, owner, province, insideEtsBoundary, all);
    }
}
