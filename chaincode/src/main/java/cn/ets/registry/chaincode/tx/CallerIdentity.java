package cn.ets.registry.chaincode.tx;

import cn.ets.registry.domain.DomainException;
import cn.ets.registry.domain.ErrorCode;
import cn.ets.registry.domain.identity.Actor;
import cn.ets.registry.domain.identity.OrganisationRoles;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/** The caller as its X.509 certificate says: MSP id plus the Fabric CA attributes role, province, account. */
final class CallerIdentity {
    private CallerIdentity() {}

    static Actor of(Context ctx) {
        ClientIdentity id = ctx.getClientIdentity();
        if (id == null) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "no client identity in the proposal");
        }
        return OrganisationRoles.establish(
                id.getMSPID(),
                commonName(id.getX509Certificate()),
                id.getAttributeValue("role"),
                id.getAttributeValue("province"),
                id.getAttributeValue("account"));
    }

    private static String commonName(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return dn;
    }
}
