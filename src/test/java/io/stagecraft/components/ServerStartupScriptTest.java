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

    /**
     * 1,500 users on GCP is the vertical stage on an n2-standard-4 (4 vCPU, 16 GiB). Worked out by hand from the default
     * coefficients: 150 req/s, 750 websockets and 300 queries/s at peak; app 150 / 50 = 3 vCPU + websockets 750 / 2,000 =
     * 0.375, Postgres 300 / 875 = 0.343. CPU: 4 - 0.25 (nginx) - 0.25 (Redis) = 3.5 to split, the app's share 3.375 /
     * 3.718 = 0.908 x 3.5 = 3.18, floored to a quarter: 3 vCPU, six workers (two per vCPU); Postgres the rest, 0.5.
     * Memory: app max(2 GiB, 3 x 0.5) + 750 x 0.0625 MB = 2,094.9 MB, Postgres 300 / 100 x 1 GiB = 3 GiB = 3,072 MB with
     * shared_buffers a quarter of it, 768 MB; Redis 1,500 x 1 MB + 750 x 0.01 MB = 1,507.5 MB, limit 1.25 x 1,508;
     * connections max(50, 1,500 / 20 = 75) rounded up to 10: 80.
     */
    @Test
    void appliesThePlansResourceSplit() {
        assertEquals("n2-standard-4", plan.pool(io.stagecraft.sizing.Tier.SERVER).orElseThrow().type().name());
        String s = script(List.of(), false);
        assertTrue(s.contains("command: [\"postgres\", \"-c\", \"max_connections=80\", \"-c\", \"shared_buffers=768MB\"]\n"), s);
        assertTrue(s.contains("    cpus: 0.5\n    mem_limit: 3072m\n"), "Postgres");
        assertTrue(s.contains("\"--maxmemory\", \"1508mb\""), "Redis");
        assertTrue(s.contains("    cpus: 0.25\n    mem_limit: 1885m\n"), "Redis container");
        assertTrue(s.contains("      WEB_CONCURRENCY: \"6\"\n"), "app workers");
        assertTrue(s.contains("    cpus: 3\n    mem_limit: 2095m\n"), "app container");
        assertTrue(s.contains("    cpus: 0.25\n    mem_limit: 256m\n    depends_on: [app]\n"), "nginx");
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
        assertEquals("behind an edge the VM serves HTTPS for its domains: domains are needed",
                assertThrows(IllegalArgumentException.class, () -> new ServerStartupScript(plan.server(), "a:1", 80,
                        List.of(), false, List.of("/dev/x"), List.of("173.245.48.0/20"))).getMessage());
    }
}
