package io.stagecraft.components;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.components.aws.AwsPoolStartupScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The boot steps both clouds' pool scripts share, run for real where they can be. */
class PoolBootStepsTest {

    @Test
    void urlencodeEscapesEveryByteOutsideTheUnreservedSet() throws Exception {
        // expected values written by hand from RFC 3986: unreserved characters stay, every other byte is %XX (UTF-8)
        assertEquals("p%40ss%2Fw%3Ard%20%25%3F%26%3D%2B", bash(PoolBootSteps.URLENCODE + "urlencode 'p@ss/w:rd %?&=+'"));
        assertEquals("A-z_0.9~", bash(PoolBootSteps.URLENCODE + "urlencode 'A-z_0.9~'"));
        assertEquals("%C3%A9%22%27%5C%24x", bash(PoolBootSteps.URLENCODE + "urlencode 'é\"'\"'\"'\\$x'"));
    }

    @Test
    void bothCloudsUseTheSameSecretAndAppSteps() {
        String gcp = new PoolStartupScript("http", "nginx:1", 8080, "p:r:db", List.of("p:r:db-r1"), "db-secret",
                "10.0.0.1", 6378, "redis-secret", "PEM", "bucket", false).render();
        String aws = new AwsPoolStartupScript("http", "us-east-1", "nginx:1", 8080, "arn:db", "arn:redis",
                "db.example", List.of("replica.example"), "redis.example", 6379, "bucket", "d1.cloudfront.net", false).render();
        for (String script : List.of(gcp, aws)) {
            assertTrue(script.contains(PoolBootSteps.URLENCODE), "the shared URL encoder");
            assertTrue(script.contains("(umask 077; cat > /etc/stagecraft/app.env <<ENV\nWORKER_TYPE=http\n"), script);
            assertTrue(script.contains("DB_PASSWORD=\"\"; sleep 10"), "the shared retry loop");
            assertTrue(script.contains("docker run -d --name app --restart unless-stopped --network stagecraft -p 80:8080"));
        }
        assertTrue(gcp.contains("gcloud secrets versions access latest --secret=db-secret"));
        assertTrue(aws.contains("aws secretsmanager get-secret-value --region us-east-1 --secret-id arn:db --query SecretString"));
        assertTrue(aws.contains("DATABASE_READ_HOSTS=replica.example:5432\n"));
        assertTrue(aws.contains("MEDIA_CDN_URL=https://d1.cloudfront.net/\n"));
    }

    @Test
    void theAppEnvFileExpandsOnTheInstanceOnly() throws Exception {
        String env = PoolBootSteps.envFile(List.of("A=$(echo one)", "B=two"));
        assertEquals("(umask 077; cat > /etc/stagecraft/app.env <<ENV\nA=$(echo one)\nB=two\nENV\n)\n", env);
        // the heredoc body expands when run: checked on a temporary path
        String run = env.replace(PoolBootSteps.ENV_FILE, "\"$T\"");
        assertEquals("A=one\nB=two", bash("T=$(mktemp); " + run + "cat \"$T\"; rm -f \"$T\""));
    }

    private static String bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "bash finished");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
