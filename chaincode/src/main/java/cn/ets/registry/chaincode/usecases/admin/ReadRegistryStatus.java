package cn.ets.registry.chaincode.usecases.admin;

import cn.ets.registry.api.AdminApi.RegistryStatus;
import cn.ets.registry.api.AdminApi.Status;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;

/** Whether the registry is set up: answers any identity, used as the readiness probe. */
public final class ReadRegistryStatus implements UseCase.Public<Status, RegistryStatus> {

    @Override
    public RegistryStatus execute(Tx tx, Status c) {
        Books books = new Books(tx.state());
        return new RegistryStatus(books.findAccount("MEE").isPresent(), books.authorityAccounts());
    }
}
