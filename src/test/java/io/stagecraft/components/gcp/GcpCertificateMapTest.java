package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.gcp.certificatemanager.outputs.DnsAuthorizationDnsResourceRecord;
import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import java.util.Map;
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
        assertEquals("Certificate Manager's DNS authorization for app.example.com asks for"
                + " [CNAME _acme-challenge_x7.app.example.com.], not the CNAME _acme-challenge.app.example.com"
                + " Stagecraft creates", e.getMessage());
        assertEquals("Certificate Manager's DNS authorization for app.example.com asks for [], not the CNAME"
                + " _acme-challenge.app.example.com Stagecraft creates", assertThrows(IllegalStateException.class,
                () -> GcpCertificateMap.cnameTarget("app.example.com", List.of())).getMessage());
    }

    @Test
    void theMapsReferenceAndEachDomainsCnameComeFromTheCreatedResources() {
        OfflineEngine.Run run = ComponentRun.of(ctx -> {
            GcpCertificateMap map = new GcpCertificateMap("certs", new GcpCertificateMap.Args(List.of("app.example.com"),
                    Map.of()), ComponentRun.topLevel());
            ctx.export("reference", map.reference());
            ctx.export("target", map.validations().get(0).target());
        });
        String mapId = (String) run.graph().one("gcp:certificatemanager/certificateMap:CertificateMap").outputs().get("id");
        assertTrue(mapId.startsWith("projects/offline-project/locations/global/certificateMaps/certs-map"), mapId);
        assertEquals("//certificatemanager.googleapis.com/" + mapId, run.outputs().get("reference"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> records = (List<Map<String, String>>) run.graph()
                .one("gcp:certificatemanager/dnsAuthorization:DnsAuthorization").outputs().get("dnsResourceRecords");
        String data = records.get(0).get("data");
        assertTrue(data.endsWith(".authorize.certificatemanager.goog."), data);
        assertEquals(data.substring(0, data.length() - 1), run.outputs().get("target"));
    }

    @Test
    void theValidationRecordNameIsCertificateManagersFixedOne() {
        assertEquals("_acme-challenge.www.example.com", GcpCertificateMap.validationName("www.example.com"));
    }
}
