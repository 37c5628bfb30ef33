package io.stagecraft.components;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerStartupScriptTest {
    private final SizingPlan plan = SizingCalculator.defaults().plan(Workload.of(1_500, Cloud.GCP, "us-central1"));

    private String script(List<String> domains, boolean gpu) {
        return new ServerStartupScript(plan.server(), "ghcr.io/acme/app:1.0", 8000, domains, gpu,
                List.of("/dev/disk/by-id/google-data")).render();
    }

    @Test
    void neverFormatsADiskThatHoldsData() {
        String s = script(List.of(), false);
        int check = s.indexOf("if ! blkid \"$DATA_DEVICE\"");
        int mkfs = s.indexOf("mkfs.ext4");
        assertTrue(check > 0 && mkfs > check, "mkfs only inside the blkid guard");
        assertEquals(1, s.split("mkfs", -1).length - 1, "one mkfs, guarded");
        assertTrue(s.contains("resize2fs"), "grows the filesystem after a resize");
        assertTrue(s.contains("LABEL=stagecraft-data"), "mounts by label, not device order");
    }

    @Test
    void appliesThePlansResourceSplit() {
        String s = script(List.of(), false);
        var split = plan.server();
        assertTrue(s.contains("max_connections=" + split.postgresMaxConnections()));
        assertTrue(s.contains("shared_buffers=" + split.postgresSharedBuffersMb() + "MB"));
        assertTrue(s.contains("\"--maxmemory\", \"" + split.redisMaxMemoryMb() + "mb\""));
        assertTrue(s.contains("mem_limit: " + split.appMemoryMb() + "m"));
        assertTrue(s.contains("WEB_CONCURRENCY: \"" + split.appWorkers() + "\""));
        assertTrue(s.contains("image: ghcr.io/acme/app:1.0"));
        assertTrue(s.contains("proxy_pass http://app:8000;"));
    }

    @Test
    void passwordsAreMadeOnTheVmAndOnlyNginxPublishesPorts() {
        String s = script(List.of(), false);
        assertTrue(s.contains("head -c 48 /dev/urandom"));
        assertTrue(s.contains("umask 077"));
        assertEquals(1, s.split("ports:", -1).length - 1, "only nginx publishes ports; Postgres and Redis stay internal");
        assertFalse(s.contains("0.0.0.0:5432") || s.contains("\"5432:5432\"") || s.contains("6379:6379"));
    }

    @Test
    void tlsOnlyWithDomains() {
        assertFalse(script(List.of(), false).contains("certbot certonly"));
        String tls = script(List.of("app.example.com", "www.example.com"), false);
        assertTrue(tls.contains("certonly --webroot -w /var/www/certbot -d app.example.com -d www.example.com"));
        assertTrue(tls.contains("ssl_certificate /etc/letsencrypt/live/app.example.com/fullchain.pem"));
        assertTrue(tls.contains("/etc/cron.daily/stagecraft-certbot"));
    }

    @Test
    void gpuHostsGetDriversAndTheDevice() {
        assertFalse(script(List.of(), false).contains("nvidia"));
        String g = script(List.of(), true);
        assertTrue(g.contains("nvidia-driver"));
        assertTrue(g.contains("driver: nvidia"));
    }

    @Test
    void behindAnEdgePlainHttpServesOnlyAcmeChallengesAndTheRestRedirects() {
        String s = new ServerStartupScript(plan.server(), "ghcr.io/acme/app:1.0", 8000, List.of("app.example.com"), false,
                List.of("/dev/disk/by-id/google-data"), List.of("173.245.48.0/20", "131.0.72.0/22")).render();
        String http = s.substring(s.indexOf("nginx-http.conf <<'NGINX'"), s.indexOf("NGINX\ncp "));
        assertTrue(http.contains("location /.well-known/acme-challenge/ { root /var/www/certbot; }"), http);
        assertTrue(http.contains("location / { return 301 https://$host$request_uri; }"), http);
        assertFalse(http.contains("proxy_pass"), "nothing but the challenge is served unencrypted");
        // the visitor's address comes from the edge's header, for requests from the edge's ranges only
        assertTrue(s.contains("  set_real_ip_from 173.245.48.0/20;\n  set_real_ip_from 131.0.72.0/22;\n"
                + "  real_ip_header CF-Connecting-IP;\n"));
        assertEquals(2, s.split("real_ip_header CF-Connecting-IP;", -1).length - 1, "in the HTTP and HTTPS servers");
        // the daily job issues the first certificate if the first boot could not
        String cron = s.substring(s.indexOf("cat > /etc/cron.daily/stagecraft-certbot"));
        assertTrue(cron.contains("if [ ! -d $MOUNT/certbot/conf/live/app.example.com ]; then"), cron);
        assertTrue(cron.contains("certonly --webroot -w /var/www/certbot -d app.example.com"), cron);
        assertTrue(cron.contains("cat /opt/stagecraft/nginx-http.conf /opt/stagecraft/nginx-https.conf"), cron);
    }

    @Test
    void anEdgeNeedsDomains() {
        assertThrows(IllegalArgumentException.class, () -> new ServerStartupScript(plan.server(), "a:1", 80, List.of(),
                false, List.of("/dev/x"), List.of("173.245.48.0/20")));
    }
}
