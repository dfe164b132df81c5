package cn.ets.registry.chaincode.usecases.ccer;

import cn.ets.registry.api.CcerApi;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.CcerRegistry;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.ccer.CcerProject;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import java.util.Map;

/** MEE registers a CCER project of a PROJECT_OWNER account (003 §2.2.5); a project id is registered once. */
public final class RegisterProject implements UseCase<CcerApi.RegisterProject, CcerProject> {

    @Override
    public void authorise(Tx tx, CcerApi.RegisterProject c) {
        Permissions.requireRole(tx.actor(), Role.MEE, "register CCER projects");
    }

    @Override
    public CcerProject execute(Tx tx, CcerApi.RegisterProject c) {
        Account owner = new Books(tx.state()).account(c.owner());
        if (owner.type() != AccountType.PROJECT_OWNER) {
            throw DomainException.badRequest(c.owner() + " is a " + owner.type() + " account, not a PROJECT_OWNER");
        }
        CcerRegistry registry = new CcerRegistry(tx.state());
        if (registry.findProject(c.id()).isPresent()) {
            throw new DomainException(
                    ErrorCode.ALREADY_EXISTS,
                    "CCER project '" + c.id() + "' already exists",
                    Map.of("projectId", c.id()));
        }
        CcerProject p =
                CcerProject.register(c.id(), c.name(), c.methodology(), c.owner(), c.province(), c.insideEtsBoundary());
        registry.save(p);
        return p;
    }
}
