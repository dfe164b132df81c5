package cn.ets.registry.api;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.Tonnes;
import cn.ets.registry.domain.allocation.AdjustmentReason;
import cn.ets.registry.domain.allocation.AllocationRecord;
import cn.ets.registry.domain.allocation.Facility;
import cn.ets.registry.domain.allocation.Output;
import cn.ets.registry.domain.policy.FacilityCategory;
import cn.ets.registry.domain.policy.Sector;
import com.google.gson.annotations.SerializedName;
import java.math.BigDecimal;
import java.util.List;

/** Free allocation in two steps (003 §2.2.3): pre-allocation, then the final figure with a true-up; adjustments and debts. */
public final class AllocationApi {
    private AllocationApi() {}

    /** A facility's verified output: {@code heatGJ} defaults to 0, {@code loadFactor} (0–1) to 1. */
    public record FacilityInput(
            FacilityCategory category,
            BigDecimal electricityMWh,
            @Omittable BigDecimal heatGJ,
            @Omittable BigDecimal loadFactor) {
        public Facility facility() {
            return new Facility(
                    category,
                    electricityMWh,
                    heatGJ == null ? BigDecimal.ZERO : heatGJ,
                    loadFactor == null ? BigDecimal.ONE : loadFactor);
        }
    }

    /** An industrial unit's verified output, named as the vintage's {@code intensityBenchmarks} name it (e.g. CLINKER). */
    public record OutputInput(String product, BigDecimal quantity) {
        public Output output() {
            return new Output(product, quantity);
        }
    }

    static List<Output> outputsOf(List<OutputInput> given) {
        return given == null
                ? List.of()
                : given.stream().map(OutputInput::output).toList();
    }

    /** Power units are allocated by facility output; the other sectors by verified emissions or by output (intensity). */
    static List<Facility> facilitiesOf(Sector sector, List<FacilityInput> given) {
        if (given == null) {
            if (sector == Sector.POWER) {
                throw DomainException.badRequest("missing field 'facilities'");
            }
            return List.of();
        }
        List<Facility> out = given.stream().map(FacilityInput::facility).toList();
        if (sector == Sector.POWER && out.isEmpty()) {
            throw DomainException.badRequest("a power unit's allocation needs at least one facility");
        }
        return out;
    }

    public record Preview(
            Sector sector,
            @Range(min = 2019, max = 2100) int year,
            @Range(min = 0, max = Tonnes.MAX, tonnes = true) long verifiedEmissions,
            @Omittable List<FacilityInput> facilities,
            @Omittable List<OutputInput> outputs) {
        public Preview {
            facilitiesOf(sector, facilities);
            outputsOf(outputs);
        }

        public List<Facility> facilityList() {
            return facilitiesOf(sector, facilities);
        }

        public List<Output> outputList() {
            return outputsOf(outputs);
        }
    }

    /** {@code final}: after gas top-up or coal floor ({@code rule}); {@code adjustedTo} equals {@code computed} when no rule applied. */
    public record AllocationPreview(
            long computed,
            long adjustedTo,
            @SerializedName("final") long finalAllocation,
            @Omittable String rule) {}

    public record PreAllocate(
            String requestId,
            String unitId,
            @Range(min = 2019, max = 2100) int year) {}

    /** {@code basis}: the verified emissions of the year before; {@code rate}: the pre-allocation rate in force. */
    public record PreAllocated(
            String requestId,
            String unitId,
            int year,
            String product,
            long quantity,
            long basis,
            BigDecimal rate,
            @Flatten Attribution attribution) {}

    /** {@code facilities} for power; {@code outputs} for a sector the vintage allocates by intensity. */
    public record Finalise(
            String requestId,
            String unitId,
            @Range(min = 2019, max = 2100) int year,
            Sector sector,
            @Omittable List<FacilityInput> facilities,
            @Omittable List<OutputInput> outputs) {
        public Finalise {
            facilitiesOf(sector, facilities);
            outputsOf(outputs);
        }

        public List<Facility> facilityList() {
            return facilitiesOf(sector, facilities);
        }

        public List<Output> outputList() {
            return outputsOf(outputs);
        }
    }

    /** Closure, split, merger or capacity change (001 §11): a signed, non-zero number of tonnes. */
    public record Adjust(
            String requestId,
            String unitId,
            @Range(min = 2019, max = 2100) int year,
            long quantity,
            AdjustmentReason reason,
            @Omittable String note) {
        public Adjust {
            if (quantity == 0 || quantity > Tonnes.MAX || quantity < -Tonnes.MAX) {
                throw new DomainException(
                        ErrorCode.INVALID_QUANTITY,
                        "an adjustment moves a non-zero number of tonnes within ±" + Tonnes.MAX);
            }
        }
    }

    /** By the province, or by the unit itself repaying its debt with what it holds. */
    public record CollectDebt(
            String requestId,
            String unitId,
            @Range(min = 2019, max = 2100) int year) {}

    public record Get(
            @PathParam @Range(min = 2019, max = 2100) int year,
            @PathParam String unitId) {}

    /** A unit's allocation of one year: {@code trueUp} > 0 issued, < 0 clawed back; {@code debt} what could not be clawed back yet. */
    public record AllocationView(
            String unitId,
            int year,
            String product,
            long preAllocated,
            @Omittable Long computed,
            @Omittable @SerializedName("final") Long finalAllocation,
            @Omittable String rule,
            long deducted,
            @Omittable Long trueUp,
            long clawedBack,
            long debt,
            List<AllocationRecord.Adjustment> adjustments) {
        public static AllocationView of(AllocationRecord r) {
            return new AllocationView(
                    r.unitId(),
                    r.year(),
                    r.product(),
                    r.preAllocated(),
                    r.computed(),
                    r.finalAllocation(),
                    r.rule(),
                    r.deducted(),
                    r.trueUp(),
                    r.clawedBack(),
                    r.debt(),
                    r.adjustments());
        }
    }

    public record Finalised(
            String requestId,
            @Flatten AllocationView allocation,
            long adjustedTo,
            @Flatten Attribution attribution) {}

    public record Adjusted(
            String requestId,
            @Flatten AllocationView allocation,
            long adjustment,
            String reason,
            @Flatten Attribution attribution) {}

    public record DebtCollected(
            String requestId,
            @Flatten AllocationView allocation,
            long collected,
            @Flatten Attribution attribution) {}
}
