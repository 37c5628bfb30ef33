package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The task queue alone under the offline engine (project offline-project, whose number the mocks give as
 * 123456789012): its topics, subscriptions, grants and options, with every expected value written out here.
 */
class GcpMessageQueueTest {
    private static final String TOPIC = "gcp:pubsub/topic:Topic";
    private static final String SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";
    private static final String TOPIC_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
    private static final String SUBSCRIPTION_MEMBER = "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember";
    private static final String API = "sc-shop-api@offline-project.iam.gserviceaccount.com";
    private static final String WORKER = "sc-shop-worker@offline-project.iam.gserviceaccount.com";
    private static final String AGENT = "serviceAccount:service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com";

    private static OfflineEngine.Run queue(boolean protect) {
        return ComponentRun.of(ctx -> {
            GcpMessageQueue q = new GcpMessageQueue("queue", GcpMessageQueue.Args.forStack("shop",
                    List.of("us-central1", "europe-west1"), List.of(Output.of(API)), List.of(Output.of(WORKER)), protect,
                    Map.of("managed-by", "stagecraft")), ComponentRun.topLevel());
            ctx.export("topicId", q.topicId());
            ctx.export("topicName", q.topicName());
            ctx.export("subscriptionId", q.subscriptionId());
            ctx.export("subscriptionName", q.subscriptionName());
            ctx.export("deadLetterSubscriptionName", q.deadLetterSubscriptionName());
        });
    }

    @Test
    void aQueueIsTwoTopicsTwoSubscriptionsAndFourGrants() {
        ResourceGraph g = queue(false).graph();
        assertEquals(Map.of("stagecraft:gcp:MessageQueue", 1L, TOPIC, 2L, SUBSCRIPTION, 2L, TOPIC_MEMBER, 2L,
                SUBSCRIPTION_MEMBER, 2L), g.countByType());
        ResourceNode component = g.one("stagecraft:gcp:MessageQueue", "queue");
        for (ResourceNode n : g.customResources()) {
            assertEquals(component.urn(), n.parentUrn(), n.name() + " is the queue's child");
        }
    }

    @Test
    void bothTopicsStoreMessagesInTheStacksRegionsOnly() {
        ResourceGraph g = queue(false).graph();
        assertEquals(Map.of("queue-tasks", "sc-shop-tasks", "queue-dead-letter", "sc-shop-tasks-dead-letter"),
                g.ofType(TOPIC).stream().collect(Collectors.toMap(ResourceNode::name, n -> n.string("name"))));
        for (ResourceNode topic : g.ofType(TOPIC)) {
            assertEquals(List.of("us-central1", "europe-west1"),
                    topic.input("messageStoragePolicy.allowedPersistenceRegions").orElseThrow(), topic.name());
            assertEquals(Map.of("managed-by", "stagecraft"), topic.input("labels").orElseThrow(), topic.name());
            assertTrue(topic.input("messageRetentionDuration").isEmpty(), "no topic retention: nothing billed for storage");
        }
    }

    @Test
    void theWorkersSubscriptionRetriesWithBackoffThenDeadLetters() {
        ResourceNode workers = queue(false).graph().one(SUBSCRIPTION, "queue-workers");
        assertEquals("sc-shop-tasks-workers", workers.string("name"));
        assertEquals("projects/offline-project/topics/sc-shop-tasks", workers.string("topic"));
        assertEquals(60.0, workers.number("ackDeadlineSeconds"));
        assertEquals("604800s", workers.string("messageRetentionDuration"), "7 days");
        assertEquals(Map.of("minimumBackoff", "10s", "maximumBackoff", "600s"), workers.input("retryPolicy").orElseThrow());
        assertEquals(Map.of("deadLetterTopic", "projects/offline-project/topics/sc-shop-tasks-dead-letter",
                "maxDeliveryAttempts", 5.0), workers.input("deadLetterPolicy").orElseThrow());
        assertEquals(Map.of("ttl", ""), workers.input("expirationPolicy").orElseThrow(), "never expires");
        for (String unset : List.of("filter", "enableMessageOrdering", "enableExactlyOnceDelivery", "pushConfig",
                "retainAckedMessages", "bigqueryConfig", "cloudStorageConfig")) {
            assertTrue(workers.input(unset).isEmpty(), unset + " keeps the API's default");
        }
    }

    @Test
    void theDeadLetterSubscriptionKeepsWhatTheWorkersGaveUpOn() {
        ResourceNode dead = queue(false).graph().one(SUBSCRIPTION, "queue-dead-letter");
        assertEquals("sc-shop-tasks-dead-letter", dead.string("name"));
        assertEquals("projects/offline-project/topics/sc-shop-tasks-dead-letter", dead.string("topic"));
        assertEquals("604800s", dead.string("messageRetentionDuration"));
        assertEquals(Map.of("ttl", ""), dead.input("expirationPolicy").orElseThrow(), "never expires though nobody reads it");
        assertTrue(dead.input("deadLetterPolicy").isEmpty(), "dead letters are not dead-lettered again");
    }

    @Test
    void publishersPublishToTheTaskTopicAndSubscribersTakeFromTheWorkersSubscriptionOnly() {
        ResourceGraph g = queue(false).graph();
        ResourceNode publisher = g.one(TOPIC_MEMBER, "queue-publisher-0");
        assertEquals(Map.of("topic", "projects/offline-project/topics/sc-shop-tasks", "role", "roles/pubsub.publisher",
                "member", "serviceAccount:" + API), publisher.inputs());
        ResourceNode subscriber = g.one(SUBSCRIPTION_MEMBER, "queue-subscriber-0");
        assertEquals(Map.of("subscription", "projects/offline-project/subscriptions/sc-shop-tasks-workers",
                "role", "roles/pubsub.subscriber", "member", "serviceAccount:" + WORKER), subscriber.inputs());
    }

    @Test
    void thePubSubServiceAgentMayDeadLetter() {
        ResourceGraph g = queue(false).graph();
        ResourceNode publish = g.one(TOPIC_MEMBER, "queue-dead-letter-publisher");
        assertEquals(Map.of("topic", "projects/offline-project/topics/sc-shop-tasks-dead-letter",
                "role", "roles/pubsub.publisher", "member", AGENT), publish.inputs());
        ResourceNode forward = g.one(SUBSCRIPTION_MEMBER, "queue-dead-letter-forwarder");
        assertEquals(Map.of("subscription", "projects/offline-project/subscriptions/sc-shop-tasks-workers",
                "role", "roles/pubsub.subscriber", "member", AGENT), forward.inputs());
        // nothing else is granted, and nothing at project level
        Set<String> members = new TreeSet<>();
        g.ofType(TOPIC_MEMBER).forEach(n -> members.add(n.string("role") + " " + n.string("topic") + " " + n.string("member")));
        g.ofType(SUBSCRIPTION_MEMBER).forEach(n -> members.add(n.string("role") + " " + n.string("subscription") + " "
                + n.string("member")));
        assertEquals(4, members.size(), members.toString());
    }

    @Test
    void inAProtectedStackTheSubscriptionsAreProtectedAndRetainedAndTheTopicsProtected() {
        ResourceGraph g = queue(true).graph();
        for (ResourceNode s : g.ofType(SUBSCRIPTION)) {
            assertTrue(s.options().protect(), s.name());
            assertTrue(s.options().retainOnDelete(), s.name() + " keeps its messages in the cloud if removed");
        }
        for (ResourceNode t : g.ofType(TOPIC)) {
            assertTrue(t.options().protect(), t.name());
            assertFalse(t.options().retainOnDelete(), t.name() + " holds no messages");
        }
        assertFalse(g.one(TOPIC_MEMBER, "queue-publisher-0").options().protect(), "grants are not data");
    }

    @Test
    void anUnprotectedStackCleansUpAfterItself() {
        for (ResourceNode n : queue(false).graph().customResources()) {
            assertFalse(n.options().protect(), n.name());
            assertFalse(n.options().retainOnDelete(), n.name());
        }
    }

    @Test
    void theComponentGivesTheFullNamesClientsTakeAndTheShortNames() {
        OfflineEngine.Run run = queue(false);
        assertEquals("projects/offline-project/topics/sc-shop-tasks", run.outputs().get("topicId"));
        assertEquals("sc-shop-tasks", run.outputs().get("topicName"));
        assertEquals("projects/offline-project/subscriptions/sc-shop-tasks-workers", run.outputs().get("subscriptionId"));
        assertEquals("sc-shop-tasks-workers", run.outputs().get("subscriptionName"));
        assertEquals("sc-shop-tasks-dead-letter", run.outputs().get("deadLetterSubscriptionName"));
        assertEquals(Map.of("topicId", "projects/offline-project/topics/sc-shop-tasks", "topicName", "sc-shop-tasks",
                "subscriptionId", "projects/offline-project/subscriptions/sc-shop-tasks-workers",
                "subscriptionName", "sc-shop-tasks-workers", "deadLetterSubscriptionName", "sc-shop-tasks-dead-letter"),
                run.graph().one("stagecraft:gcp:MessageQueue", "queue").outputs());
    }

    @Test
    void theServiceAgentIsTheProjectNumbersPubSubAccount() {
        assertEquals("service-42@gcp-sa-pubsub.iam.gserviceaccount.com", GcpMessageQueue.serviceAgent("42"));
    }
}
