package cn.ets.registry.chaincode.usecases.admin;

import cn.ets.registry.api.AdminApi.Bootstrap;
import cn.ets.registry.api.AdminApi.Bootstrapped;
import cn.ets.registry.chaincode.state.Books;
import cn.ets.registry.chaincode.state.ParameterBook;
import cn.ets.registry.chaincode.tx.Tx;
import cn.ets.registry.chaincode.tx.UseCase;
import cn.ets.registry.domain.account.Account;
import cn.ets.registry.domain.account.AccountStatus;
import cn.ets.registry.domain.account.AccountType;
import cn.ets.registry.domain.identity.Permissions;
import cn.ets.registry.domain.identity.Role;
import cn.ets.registry.domain.policy.SeededParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the authority accounts (MEE, one per province) and publishes the parameter sets the
 * sources publish in full (2023 and 2024, {@link SeededParameters}), by the registry institution;
 * repeating it adds only what is missing (a new province).
 */
public final class BootstrapRegistry implements UseCase<Bootstrap, Bootstrapped> {
    @Override
    public void authorise(Tx tx, Bootstrap c) {
        Permissions.requireRole(tx.actor(), Role.REGISTRY, "set up the registry");
    }

    @Override
    public Bootstrapped execute(Tx tx, Bootstrap c) {
        Books books = new Books(tx.state());
        List<String> created = new ArrayList<>();
        if (books.findAccount("MEE").isEmpty()) {
            books.saveAccount(new Account(
                    "MEE",
                    AccountType.MEE,
                    "Ministry of Ecology and Environment 生态环境部",
                    null,
                    null,
                    AccountStatus.ACTIVE,
                    null));
            created.add("MEE");
        }
        for (String province : c.provinces()) {
            String code = Account.requireValidProvince(province);
            String id = Account.provinceAccountId(code);
            if (books.findAccount(id).isEmpty()) {
                books.saveAccount(new Account(
                        id,
                        AccountType.PROVINCE,
                        "Province " + code + " ecology department 省级生态环境主管部门",
                        code,
                        null,
                        AccountStatus.ACTIVE,
                        null));
                created.add(id);
            }
        }
        ParameterBook params = new ParameterBook(tx.state());
        for (String vintage : SeededParameters.VINTAGES) {
            if (!params.published(vintage)) {
                params.publish(SeededParameters.forVintage(vintage));
                created.add("parameters " + vintage);
            }
        }
        Bootstrapped result = new Bootstrapped(created);
        if (!created.isEmpty()) {
            tx.emit("RegistryBootstrapped", result);
        }
        return result;
    }
}
