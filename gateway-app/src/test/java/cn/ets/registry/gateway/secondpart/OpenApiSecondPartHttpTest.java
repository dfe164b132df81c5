package cn.ets.registry.gateway.secondpart;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ets.registry.gateway.testing.RegistryClient.Response;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Every endpoint of the second part is documented, with its method, in GET /openapi.json. */
class OpenApiSecondPartHttpTest extends HttpScenario {

    OpenApiSecondPartHttpTest() {
        super("OA");
    }

    @Test
    void the_openapi_description_names_every_endpoint_of_the_second_part() {
        Response r = c.send("GET", "/openapi.json", null, null);
        assertThat(r.status()).isEqualTo(200);
        JsonObject paths = r.json().getAsJsonObject("paths");
        String[][] expected = {
            {"/api/v1/parameters/{vintage}", "get"},
            {"/api/v1/parameters/{vintage}", "put"},
            {"/api/v1/allocation/preview", "post"},
            {"/api/v1/allocations/pre", "post"},
            {"/api/v1/allocations/final", "post"},
            {"/api/v1/allocations/{year}/{unitId}", "get"},
            {"/api/v1/ccer/projects", "post"},
            {"/api/v1/ccer/issuances", "post"},
            {"/api/v1/compliance/{year}/close", "post"},
            {"/api/v1/compliance/{year}", "get"},
            {"/api/v1/locks", "post"},
            {"/api/v1/locks/{lockId}/release", "post"},
            {"/api/v1/locks/{lockId}/enforce", "post"},
            {"/api/v1/deposits", "post"},
            {"/api/v1/deposits/{unitId}/{month}", "get"},
        };
        for (String[] e : expected) {
            assertThat(paths.has(e[0])).as("path %s documented", e[0]).isTrue();
            assertThat(paths.getAsJsonObject(e[0]).has(e[1]))
                    .as("%s %s documented", e[1], e[0])
                    .isTrue();
        }
    }
}
