package cn.ets.registry.gateway.testing;

import static cn.ets.registry.gateway.testing.HttpAssertions.created;

/** MEE registers a CCER project of a project owner and issues one batch of it (2024's monitoring period). */
public final class CcerBatches {
    private CcerBatches() {}

    /** The batch's product code (CCER-&lt;batch&gt;). */
    public static String issue(RegistryClient api, String projectId, String owner, String province, long quantity) {
        created(api.post(
                "mee",
                "/api/v1/ccer/projects",
                Json.obj(
                        "id",
                        projectId,
                        "name",
                        "Afforestation " + projectId,
                        "methodology",
                        "CCER-14-001-V01",
                        "owner",
                        owner,
                        "province",
                        province)));
        return created(api.post(
                        "mee",
                        "/api/v1/ccer/issuances",
                        Json.obj(
                                "requestId",
                                "ccer-" + projectId,
                                "projectId",
                                projectId,
                                "periodStart",
                                "2024-01-01",
                                "periodEnd",
                                "2024-12-31",
                                "vintage",
                                "2024",
                                "quantity",
                                quantity)))
                .str("product");
    }
}
