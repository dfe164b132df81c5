package cn.ets.registry.api;

import static cn.ets.registry.api.Command.evaluate;
import static cn.ets.registry.api.Command.submit;

import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.ccer.CcerBatch;
import cn.ets.registry.domain.ccer.CcerProject;
import cn.ets.registry.domain.policy.PolicyParameters;
import java.util.List;

/**
 * Every command of the registry: chaincode function, request and result records, replay id, event
 * and REST route. The chaincode's contracts run these through one pipeline; the gateway builds its
 * routes and its OpenAPI description from the same entries.
 */
public final class Catalogue {
    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String ANYONE = Command.ANYONE;

    private Catalogue() {}

    // ---- accounts ----
    public static final Command<AccountsApi.Open, AccountsApi.AccountView> OPEN_ACCOUNT = submit(
                    "accounts:open", AccountsApi.Open.class, AccountsApi.AccountView.class)
            .replayedBy(Command.Replay.OPENINGS, AccountsApi.Open::id, ErrorCode.ALREADY_EXISTS)
            .emits("AccountOpened")
            .customRoute(
                    POST,
                    "/api/v1/accounts",
                    201,
                    "PROVINCE (units of its province), REGISTRY (other holders)",
                    "Open an account; the answer carries the new holder's bearer token (the same opening again answers it again)");
    public static final Command<AccountsApi.Get, AccountsApi.AccountView> GET_ACCOUNT = evaluate(
                    "accounts:get", AccountsApi.Get.class, AccountsApi.AccountView.class)
            .route(
                    GET,
                    "/api/v1/accounts/{id}",
                    200,
                    "the holder, its province, MEE, REGISTRY",
                    "An account with its holdings");
    public static final Command<AccountsApi.SetStatus, AccountsApi.AccountView> SET_ACCOUNT_STATUS = submit(
                    "accounts:setStatus", AccountsApi.SetStatus.class, AccountsApi.AccountView.class)
            .route(
                    PUT,
                    "/api/v1/accounts/{id}/status",
                    200,
                    "REGISTRY",
                    "Change an account's status with a reason (enforcement measures of 001 §45)");
    public static final Command<AccountsApi.Search, AccountsApi.AccountList> SEARCH_ACCOUNTS = evaluate(
                    "accounts:search", AccountsApi.Search.class, AccountsApi.AccountList.class)
            .route(
                    GET,
                    "/api/v1/accounts",
                    200,
                    "MEE, REGISTRY (all), PROVINCE (its own province's accounts)",
                    "List and search accounts with their holdings, and the units' compliance of a year");
    public static final Command<AccountsApi.Statement, AccountsApi.StatementView> ACCOUNT_STATEMENT = evaluate(
                    "accounts:statement", AccountsApi.Statement.class, AccountsApi.StatementView.class)
            .route(
                    GET,
                    "/api/v1/accounts/{id}/statement",
                    200,
                    "the holder, its province, MEE, REGISTRY",
                    "A holder's statement of movements for a period: opening, every movement, closing");
    public static final Command<AccountsApi.ApplyMeasure, AccountsApi.MeasureChanged> APPLY_MEASURE = submit(
                    "accounts:applyMeasure", AccountsApi.ApplyMeasure.class, AccountsApi.MeasureChanged.class)
            .replayedBy(AccountsApi.ApplyMeasure::requestId)
            .emits("EnforcementMeasureApplied")
            .route(
                    POST,
                    "/api/v1/accounts/{id}/measures",
                    201,
                    "REGISTRY",
                    "Apply one of the seven enforcement measures of 001 §45, with its reason and legal basis");
    public static final Command<AccountsApi.LiftMeasure, AccountsApi.MeasureChanged> LIFT_MEASURE = submit(
                    "accounts:liftMeasure", AccountsApi.LiftMeasure.class, AccountsApi.MeasureChanged.class)
            .replayedBy(AccountsApi.LiftMeasure::requestId)
            .emits("EnforcementMeasureLifted")
            .route(
                    POST,
                    "/api/v1/accounts/{id}/measures/{measureId}/lift",
                    200,
                    "REGISTRY",
                    "Lift an enforcement measure: what no other active measure or debt still calls for is undone");
    public static final Command<AccountsApi.GetMeasures, AccountsApi.MeasureList> LIST_MEASURES = evaluate(
                    "accounts:measures", AccountsApi.GetMeasures.class, AccountsApi.MeasureList.class)
            .route(
                    GET,
                    "/api/v1/accounts/{id}/measures",
                    200,
                    "the holder, its province, MEE, REGISTRY",
                    "Every enforcement measure taken on an account, active and lifted");
    public static final Command<AccountsApi.Succeed, AccountsApi.Succeeded> SUCCEED = submit(
                    "accounts:succeed", AccountsApi.Succeed.class, AccountsApi.Succeeded.class)
            .replayedBy(AccountsApi.Succeed::requestId)
            .emits("AccountSucceeded")
            .route(
                    POST,
                    "/api/v1/accounts/{id}/succession",
                    201,
                    "PROVINCE (both units its own)",
                    "Succession (承继): holdings, obligations, debts and carry-over history pass to the successor in one transaction; the predecessor closes");

    // ---- set-up ----
    public static final Command<AdminApi.Bootstrap, AdminApi.Bootstrapped> BOOTSTRAP =
            submit("admin:bootstrap", AdminApi.Bootstrap.class, AdminApi.Bootstrapped.class);
    public static final Command<AdminApi.Status, AdminApi.RegistryStatus> REGISTRY_STATUS =
            evaluate("admin:status", AdminApi.Status.class, AdminApi.RegistryStatus.class);

    // ---- issuance and distribution ----
    public static final Command<IssuanceApi.Issue, IssuanceApi.Issued> ISSUE = submit(
                    "issuance:issue", IssuanceApi.Issue.class, IssuanceApi.Issued.class)
            .replayedBy(IssuanceApi.Issue::requestId)
            .emits("AllowancesIssued")
            .route(POST, "/api/v1/issuances", 201, "MEE", "Issue allowances of a CEA vintage into the MEE account");
    public static final Command<IssuanceApi.Distribute, IssuanceApi.Distributed> DISTRIBUTE = submit(
                    "distribution:distribute", IssuanceApi.Distribute.class, IssuanceApi.Distributed.class)
            .replayedBy(IssuanceApi.Distribute::requestId)
            .emits("AllowancesDistributed")
            .route(
                    POST,
                    "/api/v1/distributions",
                    201,
                    "MEE (MEE → province), PROVINCE (its account → its units, or back to MEE)",
                    "Distribute allowances down the free-allocation flow; a province returns unallocated units to MEE");

    // ---- settlement ----
    public static final Command<SettlementApi.Settle, SettlementApi.Settled> SETTLE = submit(
                    "settlement:settle", SettlementApi.Settle.class, SettlementApi.Settled.class)
            .replayedBy(Command.Replay.TRADES, SettlementApi.Settle::tradeId, ErrorCode.DUPLICATE_ID)
            .emits("TradeSettled")
            .customRoute(
                    POST,
                    "/api/v1/settlements",
                    201,
                    "EXCHANGE",
                    "Settle one matched trade; a repeated tradeId answers the first settlement");
    public static final Command<SettlementApi.SettleMany, SettlementApi.BatchResults> SETTLE_MANY =
            submit("settlement:settleMany", SettlementApi.SettleMany.class, SettlementApi.BatchResults.class);
    public static final Command<SettlementApi.Get, SettlementApi.Settled> GET_SETTLEMENT = evaluate(
                    "settlement:get", SettlementApi.Get.class, SettlementApi.Settled.class)
            .route(
                    GET,
                    "/api/v1/settlements/{tradeId}",
                    200,
                    "EXCHANGE, REGISTRY, MEE, the two parties, their provinces",
                    "A settled trade");
    public static final Command<SettlementApi.ListTrades, SettlementApi.TradeList> LIST_TRADES = evaluate(
                    "settlement:list", SettlementApi.ListTrades.class, SettlementApi.TradeList.class)
            .route(
                    GET,
                    "/api/v1/settlements",
                    200,
                    "EXCHANGE, REGISTRY, MEE (all); PROVINCE (trades of its accounts); a holder (its own)",
                    "The trades of a month in the caller's scope, with their price-band flag");

    // ---- settlement with the bank: DvP, reservations, statement, reversals ----
    public static final Command<DvpApi.Post, DvpApi.DvpStep> DVP_POST = submit(
                    "dvp:post", DvpApi.Post.class, DvpApi.DvpStep.class)
            .replayedBy(Command.Replay.DVP_TRADES, DvpApi.Post::tradeId, ErrorCode.DUPLICATE_ID)
            .emits("DvpPosted")
            .route(
                    POST,
                    "/api/v1/dvp",
                    201,
                    "EXCHANGE",
                    "Post a matched trade for delivery versus payment: the seller's units are set aside until the bank confirms or refuses the funds leg, or the cut-off passes");
    public static final Command<DvpApi.Confirm, DvpApi.DvpStep> DVP_CONFIRM = submit(
                    "dvp:confirm", DvpApi.Confirm.class, DvpApi.DvpStep.class)
            .replayedBy(DvpApi.Confirm::requestId)
            .emits("DvpSettled")
            .route(
                    POST,
                    "/api/v1/dvp/{tradeId}/confirm",
                    200,
                    "SETTLEMENT_BANK",
                    "The bank confirms the funds leg; the units are delivered in the same transaction (SETTLED)");
    public static final Command<DvpApi.Refuse, DvpApi.DvpStep> DVP_REFUSE = submit(
                    "dvp:refuse", DvpApi.Refuse.class, DvpApi.DvpStep.class)
            .replayedBy(DvpApi.Refuse::requestId)
            .emits("DvpFailed")
            .route(
                    POST,
                    "/api/v1/dvp/{tradeId}/refuse",
                    200,
                    "SETTLEMENT_BANK",
                    "The bank refuses the funds leg: the trade FAILED, the seller's units are released");
    public static final Command<DvpApi.CutOff, DvpApi.CutOffDone> DVP_CUT_OFF = submit(
                    "dvp:cutOff", DvpApi.CutOff.class, DvpApi.CutOffDone.class)
            .replayedBy(DvpApi.CutOff::requestId)
            .emits("DvpCutOff")
            .route(
                    POST,
                    "/api/v1/dvp/cutoff",
                    200,
                    "REGISTRY",
                    "Close a settlement day: every trade still POSTED whose cut-off has passed FAILED, its units released");
    public static final Command<DvpApi.Get, DvpApi.DvpView> GET_DVP = evaluate(
                    "dvp:get", DvpApi.Get.class, DvpApi.DvpView.class)
            .route(
                    GET,
                    "/api/v1/dvp/{tradeId}",
                    200,
                    "EXCHANGE, SETTLEMENT_BANK, REGISTRY, MEE, the two parties, their provinces",
                    "A DvP trade in its current state");
    public static final Command<DvpApi.GetStatement, DvpApi.Statement> SETTLEMENT_STATEMENT = evaluate(
                    "dvp:statement", DvpApi.GetStatement.class, DvpApi.Statement.class)
            .route(
                    GET,
                    "/api/v1/dvp/statements/{day}",
                    200,
                    "EXCHANGE, SETTLEMENT_BANK, REGISTRY, MEE",
                    "The daily settlement statement: counts, tonnes and amounts of settled, failed, pending and reversed trades per kind, mode and participant");
    public static final Command<DvpApi.Reconcile, DvpApi.Reconciled> RECONCILE = submit(
                    "dvp:reconcile", DvpApi.Reconcile.class, DvpApi.Reconciled.class)
            .replayedBy(DvpApi.Reconcile::requestId)
            .emits("SettlementReconciled")
            .route(
                    POST,
                    "/api/v1/dvp/statements/{day}/reconciliations",
                    201,
                    "EXCHANGE, SETTLEMENT_BANK",
                    "Reconcile one's own totals of a day against the statement: every difference is reported and kept");
    public static final Command<DvpApi.Reserve, DvpApi.ReservationStep> RESERVE = submit(
                    "dvp:reserve", DvpApi.Reserve.class, DvpApi.ReservationStep.class)
            .replayedBy(Command.Replay.RESERVATIONS, DvpApi.Reserve::reservationId, ErrorCode.DUPLICATE_ID)
            .emits("UnitsReserved")
            .route(
                    POST,
                    "/api/v1/reservations",
                    201,
                    "EXCHANGE",
                    "Reserve a seller's units for a sell order: a trade citing the reservation cannot fail for lack of units");
    public static final Command<DvpApi.Reduce, DvpApi.ReservationStep> REDUCE_RESERVATION = submit(
                    "dvp:reduceReservation", DvpApi.Reduce.class, DvpApi.ReservationStep.class)
            .replayedBy(DvpApi.Reduce::requestId)
            .emits("ReservationReduced")
            .route(
                    POST,
                    "/api/v1/reservations/{reservationId}/reduce",
                    200,
                    "EXCHANGE",
                    "The order is cancelled in part (quantity) or in full: the units are available again");
    public static final Command<DvpApi.GetReservation, DvpApi.ReservationView> GET_RESERVATION = evaluate(
                    "dvp:getReservation", DvpApi.GetReservation.class, DvpApi.ReservationView.class)
            .route(
                    GET,
                    "/api/v1/reservations/{reservationId}",
                    200,
                    "EXCHANGE, REGISTRY, MEE, the holder, its province",
                    "A reservation: what it still reserves and what trades took from it");
    public static final Command<DvpApi.GetPosition, DvpApi.Position> TRADING_POSITION = evaluate(
                    "dvp:position", DvpApi.GetPosition.class, DvpApi.Position.class)
            .route(
                    GET,
                    "/api/v1/accounts/{id}/trading",
                    200,
                    "EXCHANGE, SETTLEMENT_BANK, the holder, its province, MEE, REGISTRY",
                    "A holder's trading position: whether it may trade CEA and CCER (and why not), its funds account, and its available units");
    public static final Command<DvpApi.SetFundsAccount, DvpApi.FundsAccountSet> SET_FUNDS_ACCOUNT = submit(
                    "dvp:setFundsAccount", DvpApi.SetFundsAccount.class, DvpApi.FundsAccountSet.class)
            .replayedBy(DvpApi.SetFundsAccount::requestId)
            .emits("FundsAccountRegistered")
            .route(
                    PUT,
                    "/api/v1/accounts/{id}/funds-account",
                    200,
                    "SETTLEMENT_BANK",
                    "Record a trading holder's funds account with the settlement bank");
    public static final Command<DvpApi.Admit, DvpApi.Admission> ADMIT = submit(
                    "dvp:admit", DvpApi.Admit.class, DvpApi.Admission.class)
            .replayedBy(DvpApi.Admit::requestId)
            .emits("TradingAdmissionChanged")
            .route(
                    PUT,
                    "/api/v1/accounts/{id}/admission",
                    200,
                    "REGISTRY",
                    "Admit an institution to the CEA market, or withdraw its admission (units need none; individuals trade CCER only)");
    public static final Command<DvpApi.RequestReversal, DvpApi.ReversalStep> REQUEST_REVERSAL = submit(
                    "dvp:requestReversal", DvpApi.RequestReversal.class, DvpApi.ReversalStep.class)
            .replayedBy(DvpApi.RequestReversal::requestId)
            .emits("ReversalRequested")
            .route(
                    POST,
                    "/api/v1/reversals",
                    201,
                    "EXCHANGE",
                    "Ask for an erroneous settled trade to be reversed; the registry decides");
    public static final Command<DvpApi.ApproveReversal, DvpApi.ReversalStep> APPROVE_REVERSAL = submit(
                    "dvp:approveReversal", DvpApi.ApproveReversal.class, DvpApi.ReversalStep.class)
            .replayedBy(DvpApi.ApproveReversal::requestId)
            .emits("TradeReversed")
            .route(
                    POST,
                    "/api/v1/reversals/{tradeId}/approve",
                    200,
                    "REGISTRY",
                    "Approve a reversal: a new linked transaction moves the units back (refused if they have moved on); the bank returns the amount");
    public static final Command<DvpApi.RefuseReversal, DvpApi.ReversalStep> REFUSE_REVERSAL = submit(
                    "dvp:refuseReversal", DvpApi.RefuseReversal.class, DvpApi.ReversalStep.class)
            .replayedBy(DvpApi.RefuseReversal::requestId)
            .emits("ReversalRefused")
            .route(
                    POST,
                    "/api/v1/reversals/{tradeId}/refuse",
                    200,
                    "REGISTRY",
                    "Refuse a reversal, with the reason: the trade stands");
    public static final Command<DvpApi.GetReversal, DvpApi.ReversalView> GET_REVERSAL = evaluate(
                    "dvp:getReversal", DvpApi.GetReversal.class, DvpApi.ReversalView.class)
            .route(
                    GET,
                    "/api/v1/reversals/{tradeId}",
                    200,
                    "EXCHANGE, SETTLEMENT_BANK, REGISTRY, MEE, the two parties, their provinces",
                    "The reversal of a trade");
    // ---- closing prices ----
    public static final Command<PricesApi.PostClose, PricesApi.ClosePosted> POST_CLOSE = submit(
                    "prices:postClose", PricesApi.PostClose.class, PricesApi.ClosePosted.class)
            .replayedBy(Command.Replay.CLOSES, c -> c.product().code() + "/" + c.date(), ErrorCode.ALREADY_EXISTS)
            .emits("ClosingPricePosted")
            .route(
                    POST,
                    "/api/v1/prices/closing",
                    201,
                    "EXCHANGE",
                    "Post a CEA product's closing price of a trading day (once); trades are checked against its band the next trading day");
    public static final Command<PricesApi.GetCloses, PricesApi.Closes> GET_CLOSES = evaluate(
                    "prices:closes", PricesApi.GetCloses.class, PricesApi.Closes.class)
            .route(GET, "/api/v1/prices/closing/{product}", 200, ANYONE, "Every closing price posted for a product");

    // ---- emissions, surrender, compliance ----
    public static final Command<ComplianceApi.RecordEmissions, ComplianceApi.ComplianceView> RECORD_EMISSIONS = submit(
                    "compliance:recordEmissions",
                    ComplianceApi.RecordEmissions.class,
                    ComplianceApi.ComplianceView.class)
            .emits("EmissionsVerified")
            .route(
                    POST,
                    "/api/v1/emissions",
                    201,
                    "PROVINCE (its units)",
                    "Record a unit's verified emissions for a year (until the emissions deadline), or the province's estimate (001 §43); its surrender obligation");
    public static final Command<SurrenderApi.Surrender, SurrenderApi.Surrendered> SURRENDER = submit(
                    "surrender:surrender", SurrenderApi.Surrender.class, SurrenderApi.Surrendered.class)
            .replayedBy(SurrenderApi.Surrender::requestId)
            .emits("UnitsSurrendered")
            .route(
                    POST,
                    "/api/v1/surrenders",
                    201,
                    "the UNIT",
                    "Surrender units against a year's obligation: CEA, and CCER up to the offset cap");
    public static final Command<ComplianceApi.Get, ComplianceApi.ComplianceView> GET_COMPLIANCE = evaluate(
                    "compliance:get", ComplianceApi.Get.class, ComplianceApi.ComplianceView.class)
            .route(GET, "/api/v1/compliance/{year}/{unitId}", 200, ANYONE, "A unit's compliance status for a year");
    public static final Command<ComplianceApi.ListYear, ComplianceApi.YearDisclosure> LIST_COMPLIANCE = evaluate(
                    "compliance:listYear", ComplianceApi.ListYear.class, ComplianceApi.YearDisclosure.class)
            .route(
                    GET,
                    "/api/v1/compliance/{year}",
                    200,
                    ANYONE,
                    "Public disclosure of a year: every unit's obligation, surrender, offsets and status");
    public static final Command<ComplianceApi.CloseYear, ComplianceApi.Closed> CLOSE_YEAR = submit(
                    "compliance:close", ComplianceApi.CloseYear.class, ComplianceApi.Closed.class)
            .emits("ComplianceYearClosed")
            .route(
                    POST,
                    "/api/v1/compliance/{year}/close",
                    200,
                    "MEE",
                    "Close a compliance year after its surrender deadline: fine ranges from the average in-band price of the month before it, deductions from next year's allocation, carry-over limits; listed units without emissions become EMISSIONS_NOT_ENTERED");
    public static final Command<ComplianceApi.GetRisk, ComplianceApi.RiskView> COMPLIANCE_RISK = evaluate(
                    "compliance:risk", ComplianceApi.GetRisk.class, ComplianceApi.RiskView.class)
            .route(
                    GET,
                    "/api/v1/compliance-risk/{year}/{unitId}",
                    200,
                    "the UNIT, its PROVINCE, MEE, REGISTRY",
                    "A unit's compliance risk: owed against holdings, the gap, days to the deadlines");
    public static final Command<ComplianceApi.ProvinceRisk, ComplianceApi.RiskList> PROVINCE_RISK = evaluate(
                    "compliance:provinceRisk", ComplianceApi.ProvinceRisk.class, ComplianceApi.RiskList.class)
            .route(
                    GET,
                    "/api/v1/compliance-risk/{year}",
                    200,
                    "PROVINCE (its units), MEE, REGISTRY",
                    "The compliance risk of every listed or obliged unit of a province (or of all)");
    public static final Command<ComplianceApi.Warn, ComplianceApi.Warned> WARN = submit(
                    "compliance:warn", ComplianceApi.Warn.class, ComplianceApi.Warned.class)
            .replayedBy(ComplianceApi.Warn::requestId)
            .emits("ComplianceWarningIssued")
            .route(
                    POST,
                    "/api/v1/compliance/{year}/warnings",
                    201,
                    "MEE, REGISTRY (all provinces), PROVINCE (its units)",
                    "Issue today's warnings within warningDays of a deadline: units without emissions, units still owing");

    // ---- the roster of key emitting units ----
    public static final Command<RosterApi.Enlist, RosterApi.Listed> ENLIST = submit(
                    "roster:enlist", RosterApi.Enlist.class, RosterApi.Listed.class)
            .replayedBy(RosterApi.Enlist::requestId)
            .emits("UnitListed")
            .route(
                    POST,
                    "/api/v1/roster",
                    201,
                    "PROVINCE (its units)",
                    "List a unit on the province's roster of key emitting units of a year (threshold 26,000 tCO2e)");
    public static final Command<RosterApi.Get, RosterApi.RosterView> GET_ROSTER = evaluate(
                    "roster:get", RosterApi.Get.class, RosterApi.RosterView.class)
            .route(
                    GET,
                    "/api/v1/roster/{year}",
                    200,
                    ANYONE,
                    "The roster of key emitting units of a year (of one province with ?province=), with each unit's emissions state");

    // ---- voluntary cancellation ----
    public static final Command<CancellationApi.Cancel, CancellationApi.Cancelled> CANCEL = submit(
                    "cancellation:cancel", CancellationApi.Cancel.class, CancellationApi.Cancelled.class)
            .replayedBy(CancellationApi.Cancel::requestId)
            .emits("UnitsCancelled")
            .route(
                    POST,
                    "/api/v1/cancellations",
                    201,
                    "any holder",
                    "Cancel units voluntarily, with purpose and beneficiary");
    public static final Command<CancellationApi.ListAll, CancellationApi.Cancellations> LIST_CANCELLATIONS = evaluate(
                    "cancellation:list", CancellationApi.ListAll.class, CancellationApi.Cancellations.class)
            .route(GET, "/api/v1/cancellations", 200, ANYONE, "Every voluntary cancellation (public record)");

    // ---- supply ----
    public static final Command<SupplyApi.Get, SupplyApi.Supply> SUPPLY = evaluate(
                    "supply:get", SupplyApi.Get.class, SupplyApi.Supply.class)
            .route(
                    GET,
                    "/api/v1/supply",
                    200,
                    ANYONE,
                    "Supply per product: issued = held + locked + surrendered + cancelled");
    public static final Command<SupplyApi.Audit, SupplyApi.SupplyAudit> AUDIT_SUPPLY = evaluate(
                    "supply:audit", SupplyApi.Audit.class, SupplyApi.SupplyAudit.class)
            .route(GET, "/api/v1/supply/audit", 200, ANYONE, "Supply counters against a recount of every holding");

    // ---- policy parameters ----
    public static final Command<ParametersApi.Get, PolicyParameters> GET_PARAMETERS = evaluate(
                    "parameters:get", ParametersApi.Get.class, PolicyParameters.class)
            .route(
                    GET,
                    "/api/v1/parameters/{vintage}",
                    200,
                    ANYONE,
                    "The policy parameters in force for a vintage (with ?version=, that version as published)");
    public static final Command<ParametersApi.ListAll, ParametersApi.Published> LIST_PARAMETERS = evaluate(
                    "parameters:list", ParametersApi.ListAll.class, ParametersApi.Published.class)
            .route(GET, "/api/v1/parameters", 200, ANYONE, "The vintages with published parameters and their versions");
    public static final Command<ParametersApi.Set, ParametersApi.Changed> SET_PARAMETERS = submit(
                    "parameters:set", ParametersApi.Set.class, ParametersApi.Changed.class)
            .replayedBy(ParametersApi.Set::requestId)
            .emits("ParametersChanged")
            .route(
                    PUT,
                    "/api/v1/parameters/{vintage}",
                    200,
                    "MEE",
                    "Publish a vintage's parameters (a complete set, or copyFrom a published vintage with what differs) or change some; a new version, recorded as an event");

    // ---- allocation ----
    public static final Command<AllocationApi.Preview, AllocationApi.AllocationPreview> PREVIEW_ALLOCATION = evaluate(
                    "allocation:preview", AllocationApi.Preview.class, AllocationApi.AllocationPreview.class)
            .route(POST, "/api/v1/allocation/preview", 200, ANYONE, "Compute an allocation without recording anything");
    public static final Command<AllocationApi.PreAllocate, AllocationApi.PreAllocated> PRE_ALLOCATE = submit(
                    "allocation:pre", AllocationApi.PreAllocate.class, AllocationApi.PreAllocated.class)
            .replayedBy(AllocationApi.PreAllocate::requestId)
            .emits("PreAllocated")
            .route(
                    POST,
                    "/api/v1/allocations/pre",
                    201,
                    "PROVINCE (its units)",
                    "Pre-allocate: the pre-allocation rate × the unit's verified emissions of the year before");
    public static final Command<AllocationApi.Finalise, AllocationApi.Finalised> FINALISE_ALLOCATION = submit(
                    "allocation:finalise", AllocationApi.Finalise.class, AllocationApi.Finalised.class)
            .replayedBy(AllocationApi.Finalise::requestId)
            .emits("AllocationFinalised")
            .route(
                    POST,
                    "/api/v1/allocations/final",
                    201,
                    "PROVINCE (its units)",
                    "Final allocation with true-up: the rest issued, or the excess clawed back (a debt if the units are gone)");
    public static final Command<AllocationApi.Adjust, AllocationApi.Adjusted> ADJUST_ALLOCATION = submit(
                    "allocation:adjust", AllocationApi.Adjust.class, AllocationApi.Adjusted.class)
            .replayedBy(AllocationApi.Adjust::requestId)
            .emits("AllocationAdjusted")
            .route(
                    POST,
                    "/api/v1/allocations/adjustments",
                    201,
                    "PROVINCE (its units)",
                    "Adjust a unit's allocation for closure, split, merger or capacity change (001 §11)");
    public static final Command<AllocationApi.CollectDebt, AllocationApi.DebtCollected> COLLECT_DEBT = submit(
                    "allocation:collectDebt", AllocationApi.CollectDebt.class, AllocationApi.DebtCollected.class)
            .replayedBy(AllocationApi.CollectDebt::requestId)
            .emits("AllocationDebtCollected")
            .route(
                    POST,
                    "/api/v1/allocations/debt/collect",
                    201,
                    "PROVINCE (its units), the UNIT (repaying its own)",
                    "Collect an allocation debt from what the unit now holds; the restriction lifts once all is paid");
    public static final Command<AllocationApi.Get, AllocationApi.AllocationView> GET_ALLOCATION = evaluate(
                    "allocation:get", AllocationApi.Get.class, AllocationApi.AllocationView.class)
            .route(GET, "/api/v1/allocations/{year}/{unitId}", 200, ANYONE, "A unit's allocation of a year");

    // ---- CCER ----
    public static final Command<CcerApi.RegisterProject, CcerProject> REGISTER_PROJECT = submit(
                    "ccer:registerProject", CcerApi.RegisterProject.class, CcerProject.class)
            .emits("CcerProjectRegistered")
            .route(POST, "/api/v1/ccer/projects", 201, "MEE", "Register a CCER project of a PROJECT_OWNER account");
    public static final Command<CcerApi.GetProject, CcerProject> GET_PROJECT = evaluate(
                    "ccer:getProject", CcerApi.GetProject.class, CcerProject.class)
            .route(GET, "/api/v1/ccer/projects/{id}", 200, ANYONE, "A CCER project and the periods issued for");
    public static final Command<CcerApi.Issue, CcerApi.Issued> ISSUE_CCER = submit(
                    "ccer:issue", CcerApi.Issue.class, CcerApi.Issued.class)
            .replayedBy(CcerApi.Issue::requestId)
            .emits("CcerIssued")
            .route(
                    POST,
                    "/api/v1/ccer/issuances",
                    201,
                    "MEE",
                    "Issue CCER for a monitoring period as a new batch with a global serial range, to the project owner");
    public static final Command<CcerApi.GetBatch, CcerBatch> GET_BATCH = evaluate(
                    "ccer:getBatch", CcerApi.GetBatch.class, CcerBatch.class)
            .route(GET, "/api/v1/ccer/batches/{product}", 200, ANYONE, "A CCER batch: serials outstanding and retired");

    // ---- pledges and freezes ----
    public static final Command<LocksApi.Lock, LocksApi.Locked> LOCK = submit(
                    "locks:lock", LocksApi.Lock.class, LocksApi.Locked.class)
            .replayedBy(LocksApi.Lock::requestId)
            .route(
                    POST,
                    "/api/v1/locks",
                    201,
                    "REGISTRY (FREEZE), the holder (PLEDGE)",
                    "Propose a pledge (the pledgee accepts it) or freeze units");
    public static final Command<LocksApi.Release, LocksApi.LockClosed> RELEASE_LOCK = submit(
                    "locks:release", LocksApi.Release.class, LocksApi.LockClosed.class)
            .replayedBy(LocksApi.Release::requestId)
            .emits("LockReleased")
            .route(
                    POST,
                    "/api/v1/locks/{lockId}/release",
                    200,
                    "REGISTRY, or the pledgee for its pledge",
                    "Release a lock, in part (quantity) or in full: the units are available again");
    public static final Command<LocksApi.Enforce, LocksApi.LockClosed> ENFORCE_PLEDGE = submit(
                    "locks:enforce", LocksApi.Enforce.class, LocksApi.LockClosed.class)
            .replayedBy(LocksApi.Enforce::requestId)
            .emits("PledgeEnforced")
            .route(
                    POST,
                    "/api/v1/locks/{lockId}/enforce",
                    200,
                    "the pledgee (after a registered default), REGISTRY (on a court order)",
                    "Enforce a pledge: the pledged units move to the pledgee's account");
    public static final Command<LocksApi.Accept, LocksApi.LockClosed> ACCEPT_PLEDGE = submit(
                    "locks:accept", LocksApi.Accept.class, LocksApi.LockClosed.class)
            .replayedBy(LocksApi.Accept::requestId)
            .emits("PledgeRegistered")
            .route(
                    POST,
                    "/api/v1/locks/{lockId}/accept",
                    200,
                    "the pledgee",
                    "Accept a proposed pledge: registered by both parties, it holds");
    public static final Command<LocksApi.Decline, LocksApi.LockClosed> DECLINE_PLEDGE = submit(
                    "locks:decline", LocksApi.Decline.class, LocksApi.LockClosed.class)
            .replayedBy(LocksApi.Decline::requestId)
            .emits("PledgeDeclined")
            .route(
                    POST,
                    "/api/v1/locks/{lockId}/decline",
                    200,
                    "the pledgee or the pledgor",
                    "Withdraw a pledge not yet accepted: the units are available again");
    public static final Command<LocksApi.RegisterDefault, LocksApi.LockClosed> REGISTER_DEFAULT = submit(
                    "locks:registerDefault", LocksApi.RegisterDefault.class, LocksApi.LockClosed.class)
            .replayedBy(LocksApi.RegisterDefault::requestId)
            .emits("PledgeDefaulted")
            .route(
                    POST,
                    "/api/v1/locks/{lockId}/default",
                    200,
                    "the pledgee (after the maturity), the pledgor (any time)",
                    "Register a default on the secured loan: the pledge may then be enforced");
    public static final Command<LocksApi.CourtTransfer, LocksApi.LockClosed> COURT_TRANSFER = submit(
                    "locks:courtTransfer", LocksApi.CourtTransfer.class, LocksApi.LockClosed.class)
            .replayedBy(LocksApi.CourtTransfer::requestId)
            .emits("CourtOrderedTransfer")
            .route(
                    POST,
                    "/api/v1/locks/{lockId}/transfer",
                    200,
                    "REGISTRY",
                    "Transfer units out of a judicial freeze on the court's order (扣划), in part or in full");
    public static final Command<LocksApi.Get, LocksApi.LockView> GET_LOCK = evaluate(
                    "locks:get", LocksApi.Get.class, LocksApi.LockView.class)
            .route(GET, "/api/v1/locks/{lockId}", 200, "REGISTRY, MEE, the holder, the pledgee", "A lock");

    // ---- monthly deposits ----
    public static final Command<DepositsApi.Deposit, DepositsApi.DepositView> DEPOSIT = submit(
                    "deposits:deposit", DepositsApi.Deposit.class, DepositsApi.DepositView.class)
            .replayedBy(Command.Replay.DEPOSITS, d -> d.unitId() + "/" + d.month(), ErrorCode.ALREADY_EXISTS)
            .emits("MonthlyReportDeposited")
            .route(
                    POST,
                    "/api/v1/deposits",
                    201,
                    "the UNIT",
                    "Deposit the digests of a monthly key-parameter report, once (late after 40 days)");
    public static final Command<DepositsApi.Get, DepositsApi.DepositView> GET_DEPOSIT = evaluate(
                    "deposits:get", DepositsApi.Get.class, DepositsApi.DepositView.class)
            .route(
                    GET,
                    "/api/v1/deposits/{unitId}/{month}",
                    200,
                    ANYONE,
                    "A deposit; with ?sha256= it says whether that document is the one deposited");

    // ---- public disclosure (001 §35, 002): lists and totals ----
    public static final Command<DisclosureApi.ListYears, DisclosureApi.Years> COMPLIANCE_YEARS = evaluate(
                    "disclosure:years", DisclosureApi.ListYears.class, DisclosureApi.Years.class)
            .route(GET, "/api/v1/public/years", 200, ANYONE, "The compliance years with units on record");
    public static final Command<DisclosureApi.ListAllocations, DisclosureApi.YearAllocations> YEAR_ALLOCATIONS =
            evaluate("disclosure:allocations", DisclosureApi.ListAllocations.class, DisclosureApi.YearAllocations.class)
                    .route(GET, "/api/v1/public/allocations/{year}", 200, ANYONE, "Every unit's allocation of a year");
    public static final Command<DisclosureApi.ListPledges, DisclosureApi.PledgeTotals> PLEDGE_TOTALS = evaluate(
                    "disclosure:pledges", DisclosureApi.ListPledges.class, DisclosureApi.PledgeTotals.class)
            .route(GET, "/api/v1/public/pledges", 200, ANYONE, "Pledges in force per product: count and tonnes");

    /** Every command, in the order above. */
    public static final List<Command<?, ?>> ALL = List.of(
            OPEN_ACCOUNT,
            GET_ACCOUNT,
            SET_ACCOUNT_STATUS,
            SEARCH_ACCOUNTS,
            ACCOUNT_STATEMENT,
            APPLY_MEASURE,
            LIFT_MEASURE,
            LIST_MEASURES,
            SUCCEED,
            BOOTSTRAP,
            REGISTRY_STATUS,
            ISSUE,
            DISTRIBUTE,
            SETTLE,
            SETTLE_MANY,
            GET_SETTLEMENT,
            LIST_TRADES,
            DVP_POST,
            DVP_CONFIRM,
            DVP_REFUSE,
            DVP_CUT_OFF,
            GET_DVP,
            SETTLEMENT_STATEMENT,
            RECONCILE,
            RESERVE,
            REDUCE_RESERVATION,
            GET_RESERVATION,
            TRADING_POSITION,
            SET_FUNDS_ACCOUNT,
            ADMIT,
            REQUEST_REVERSAL,
            APPROVE_REVERSAL,
            REFUSE_REVERSAL,
            GET_REVERSAL,
            POST_CLOSE,
            GET_CLOSES,
            RECORD_EMISSIONS,
            SURRENDER,
            GET_COMPLIANCE,
            LIST_COMPLIANCE,
            CLOSE_YEAR,
            COMPLIANCE_RISK,
            PROVINCE_RISK,
            WARN,
            ENLIST,
            GET_ROSTER,
            CANCEL,
            LIST_CANCELLATIONS,
            SUPPLY,
            AUDIT_SUPPLY,
            GET_PARAMETERS,
            LIST_PARAMETERS,
            SET_PARAMETERS,
            PREVIEW_ALLOCATION,
            PRE_ALLOCATE,
            FINALISE_ALLOCATION,
            ADJUST_ALLOCATION,
            COLLECT_DEBT,
            GET_ALLOCATION,
            REGISTER_PROJECT,
            GET_PROJECT,
            ISSUE_CCER,
            GET_BATCH,
            LOCK,
            RELEASE_LOCK,
            ENFORCE_PLEDGE,
            ACCEPT_PLEDGE,
            DECLINE_PLEDGE,
            REGISTER_DEFAULT,
            COURT_TRANSFER,
            GET_LOCK,
            DEPOSIT,
            GET_DEPOSIT,
            COMPLIANCE_YEARS,
            YEAR_ALLOCATIONS,
            PLEDGE_TOTALS);
}
