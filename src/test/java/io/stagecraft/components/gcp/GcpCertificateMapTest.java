package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.gcp.certificatemanager.outputs.DnsAuthorizationDnsResourceRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CNAME the edge creates for a DNS authorization is the one Certificate Manager asks for, or none at all. */
class GcpCertificateMapTest {

    private static DnsAuthorizationDnsResourceRecord record(String name, String type, String data) {
        return new DnsAuthorizationDnsResourceRecord.Builder().name(name).type(type).data(data).build();
    }

    @Test
    void theTargetIsTheAuthorizationsDataWithoutTheTrailingDot() {
        assertEquals("0e9d1c.4.authorize.certificatemanager.goog", GcpCertificateMap.cnameTarget("app.example.com",
                List.of(record("_acme-challenge.app.example.com.", "CNAME", "0e9d1c.4.authorize.certificatemanager.goog."))));
    }

    @Test
    void anAuthorizationAskingForAnotherRecordStopsTheDeployment() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GcpCertificateMap.cnameTarget(
                "app.example.com", List.of(record("_acme-challenge_x7.app.example.com.", "CNAME", "x.goog."))));
        assertTrue(e.getMessage().contains("not the CNAME _acme-challenge.app.example.com"), e.getMessage());
        assertEquals("Certificate Manager's DNS authorization for app.example.com asks for [], not the CNAME"
                + " _acme-challenge.app.example.com Stagecraft creates", assertThrows(IllegalStateException.class,
                () -> GcpCertificateMap.cnameTarget("app.example.com", List.of())).getMessage());
    }

    @Test
    void theValidationRecordNameIsCertificateManagersFixedOne() {
        assertEquals("_acme-challenge.www.example.com", GcpCertificateMap.validationName("www.example.com"));
    }
}
