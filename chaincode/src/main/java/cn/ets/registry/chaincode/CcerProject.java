package cn.ets.registry.chaincode;

import cn.ets.registry.domain.ccer.MonitoringPeriod;
import java.util.List;

/** A registered CCER project ({@code ccerproj~id}) and the monitoring periods already issued for. */
public record CcerProject(String id, String name, String methodology, String owner, String province,
                          boolean insideEtsBoundary, List<MonitoringPeriod> periods) {
}
