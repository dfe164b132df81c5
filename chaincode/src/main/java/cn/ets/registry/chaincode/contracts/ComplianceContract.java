package cn.ets.registry.chaincode.contracts;

import cn.ets.registry.api.Catalogue;
import cn.ets.registry.chaincode.tx.Pipeline;
import cn.ets.registry.chaincode.usecases.compliance.CloseYear;
import cn.ets.registry.chaincode.usecases.compliance.DiscloseYear;
import cn.ets.registry.chaincode.usecases.compliance.IssueWarnings;
import cn.ets.registry.chaincode.usecases.compliance.ReadCompliance;
import cn.ets.registry.chaincode.usecases.compliance.ReadProvinceRisk;
import cn.ets.registry.chaincode.usecases.compliance.ReadRisk;
import cn.ets.registry.chaincode.usecases.compliance.RecordEmissions;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** Verified emissions (the obligation), the public compliance status of each unit-year, closing a year. */
@Contract(name = "compliance", info = @Info(title = "Compliance", version = "1"))
public final class ComplianceContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recordEmissions(Context ctx, String command) {
        return Pipeline.run(ctx, Catalogue.RECORD_EMISSIONS, new RecordEmissions(), command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String year, String unitId) {
        return Pipeline.run(ctx, Catalogue.GET_COMPLIANCE, new ReadCompliance(), year, unitId);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listYear(Context ctx, String year) {
        return Pipeline.run(ctx, Catalogue.LIST_COMPLIANCE, new DiscloseYear(), year);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String close(Context ctx, String year, String command) {
        return Pipeline.run(ctx, Catalogue.CLOSE_YEAR, new CloseYear(), year, command);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String risk(Context ctx, String year, String unitId) {
        return Pipeline.run(ctx, Catalogue.COMPLIANCE_RISK, new ReadRisk(), year, unitId);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String provinceRisk(Context ctx, String year, String province) {
        return Pipeline.run(ctx, Catalogue.PROVINCE_RISK, new ReadProvinceRisk(), year, province);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String warn(Context ctx, String year, String command) {
        return Pipeline.run(ctx, Catalogue.WARN, new IssueWarnings(), year, command);
    }
}
