package cn.ets.registry.chaincode.usecases.ccer;

import cn.ets.registry.api.CcerApi;
import cn.ets.registry.api.CcerApi.Issued;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CcerRegistry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatusPolicy;
import cn.ets.registry.domain.ccer.CcerBatch;
import cn.ets.registry.domain.ccer.CcerProject;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.supply.SupplyCounters;

/**
 * MEE issues CCER for a project's monitoring period (003 §5.2): a new batch {@code CCER-<n>} with
 * the next global serial range, credited to the project owner. Periods of a project never overlap.
 */
public final class IssueCcer implements UseCase<CcerApi.Issue, Issued> {

    @Override
    public void authorise(Tx tx, CcerApi.Issue c) {
        Permissions.requireRole(tx.actor(), Role.MEE, "issue CCER");
    }

    @Override
    public Issued execute(Tx tx, CcerApi.Issue c) {
        CcerRegistry registry = new CcerRegistry(tx.state());
        CcerProject project = registry.project(c.projectId()).withIssuedPeriod(c.period());
        Books books = new Books(tx.state());
        Account owner = books.account(project.owner());
        AccountStatusPolicy.requireCanReceive(owner);
        CcerRegistry.NextBatch next = registry.next(c.quantity());
        registry.save(project);
        registry.save(CcerBatch.issue(
                next.product().code(), project.id(), c.period(), c.vintage(), c.legacy(), next.serials(), owner.id()));
        books.credit(owner.id(), next.product(), c.quantity());
        books.changeSupply(next.product(), owner.id(), SupplyCounters.issuance(c.quantity()));
        return new Issued(
                c.requestId(),
                next.product().code(),
                project.id(),
                c.quantity(),
                next.serials().start(),
                next.serials().end(),
                owner.id(),
                c.periodStart(),
                c.periodEnd(),
                c.legacy(),
                tx.attribution());
    }
}
