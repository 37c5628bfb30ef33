package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionArgs;
import com.pulumi.gcp.pubsub.SubscriptionIAMMember;
import com.pulumi.gcp.pubsub.SubscriptionIAMMemberArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionDeadLetterPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionExpirationPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionRetryPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.TopicMessageStoragePolicyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The task queue the background workers consume, on Pub/Sub (a global service: one queue per stack, whatever its
 * regions): a topic the app publishes tasks to and a pull subscription the workers take them from, with a dead-letter
 * topic and a subscription that keeps what the workers gave up on.
 *
 * <p>Data stays where the stack runs: both topics' message storage policy allows the stack's regions only (a publisher
 * elsewhere has its messages stored in one of them). The subscriptions hold the undelivered messages, so they are
 * stateful (protected and retained in a protected stack) and never expire: Pub/Sub deletes a subscription left idle for
 * 31 days unless told otherwise, and the dead-letter subscription, read only by an operator, would be the first to go.
 *
 * <p>Delivery: the workers' subscription retries a task with exponential backoff ({@value #MIN_BACKOFF_SECONDS} s up to
 * {@value #MAX_BACKOFF_SECONDS} s) and, after {@value #MAX_DELIVERY_ATTEMPTS} delivery attempts, forwards it to the
 * dead-letter topic, whose subscription keeps it (a dead-letter topic without a subscription would drop it). Defaults
 * otherwise: no filter (a filter is fixed at creation), no ordering, at-least-once delivery (tasks must be idempotent).
 *
 * <p>Access, least privilege: publishers get {@code roles/pubsub.publisher} on the task topic only, subscribers
 * {@code roles/pubsub.subscriber} on the workers' subscription only. Dead-lettering runs as the project's Pub/Sub service
 * agent ({@code service-<PROJECT_NUMBER>@gcp-sa-pubsub.iam.gserviceaccount.com}), which needs to publish to the
 * dead-letter topic and to acknowledge (subscriber) on the workers' subscription; without both grants Pub/Sub keeps
 * redelivering instead (Terraform google-beta 5.0.0, resource_pubsub_subscription.go, dead_letter_policy).
 */
public final class GcpMessageQueue extends ComponentResource {
    public static final String TYPE = "stagecraft:gcp:MessageQueue";
    public static final String PUBLISHER_ROLE = "roles/pubsub.publisher";
    public static final String SUBSCRIBER_ROLE = "roles/pubsub.subscriber";
    /**
     * How long a worker holds a task before Pub/Sub offers it to another: long enough for a typical task, short enough
     * that a worker that died mid-task has its task taken over within a minute. The client libraries extend the
     * deadline of a task still being worked on, so a longer task is not delivered twice.
     */
    public static final int ACK_DEADLINE_SECONDS = 60;
    /** Undelivered tasks are kept 7 days, the API's maximum: a backlog outlives a long outage of the workers. */
    public static final int RETENTION_SECONDS = 604_800;
    /** Redelivery waits from this long after a failure ... */
    public static final int MIN_BACKOFF_SECONDS = 10;
    /** ... doubling up to this (the API's maximum), so a failing dependency is not hammered. */
    public static final int MAX_BACKOFF_SECONDS = 600;
    /** Delivery attempts before a task is dead-lettered: the API's minimum, so a poison task stops blocking soon. */
    public static final int MAX_DELIVERY_ATTEMPTS = 5;
    /** An expiration policy with an empty ttl: the subscription never expires. */
    static final String NEVER_EXPIRES = "";

    private final Topic topic;
    private final Subscription subscription;
    private final Subscription deadLetterSubscription;

    public GcpMessageQueue(String name, Args args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        // a topic holds no messages, but deleting it cuts its subscriptions off for good: protected, not retained
        this.topic = new Topic(name + "-tasks", topicArgs(args.topicName(), args), ChildOptions.protectedIf(this,
                args.protect()));
        Topic deadLetterTopic = new Topic(name + "-dead-letter", topicArgs(args.deadLetterTopicName(), args),
                ChildOptions.protectedIf(this, args.protect()));
        this.subscription = new Subscription(name + "-workers", SubscriptionArgs.builder()
                .name(args.subscriptionName())
                .topic(topic.id())
                .ackDeadlineSeconds(args.ackDeadlineSeconds())
                .messageRetentionDuration(duration(args.retentionSeconds()))
                .retryPolicy(SubscriptionRetryPolicyArgs.builder()
                        .minimumBackoff(duration(MIN_BACKOFF_SECONDS))
                        .maximumBackoff(duration(MAX_BACKOFF_SECONDS))
                        .build())
                .deadLetterPolicy(SubscriptionDeadLetterPolicyArgs.builder()
                        .deadLetterTopic(deadLetterTopic.id())
                        .maxDeliveryAttempts(args.maxDeliveryAttempts())
                        .build())
                .expirationPolicy(neverExpires())
                .labels(args.labels())
                .build(), ChildOptions.stateful(this, args.protect()));
        this.deadLetterSubscription = new Subscription(name + "-dead-letter", SubscriptionArgs.builder()
                .name(args.deadLetterSubscriptionName())
                .topic(deadLetterTopic.id())
                .messageRetentionDuration(duration(args.retentionSeconds()))
                .expirationPolicy(neverExpires())
                .labels(args.labels())
                .build(), ChildOptions.stateful(this, args.protect()));

        for (int i = 0; i < args.publishers().size(); i++) {
            new TopicIAMMember(name + "-publisher-" + i, TopicIAMMemberArgs.builder()
                    .topic(topic.id())
                    .role(PUBLISHER_ROLE)
                    .member(serviceAccount(args.publishers().get(i)))
                    .build(), ChildOptions.of(this));
        }
        for (int i = 0; i < args.subscribers().size(); i++) {
            new SubscriptionIAMMember(name + "-subscriber-" + i, SubscriptionIAMMemberArgs.builder()
                    .subscription(subscription.id())
                    .role(SUBSCRIBER_ROLE)
                    .member(serviceAccount(args.subscribers().get(i)))
                    .build(), ChildOptions.of(this));
        }
        Output<String> pubsubAgent = OrganizationsFunctions.getProject().applyValue(project ->
                "serviceAccount:" + serviceAgent(project.number()));
        new TopicIAMMember(name + "-dead-letter-publisher", TopicIAMMemberArgs.builder()
                .topic(deadLetterTopic.id())
                .role(PUBLISHER_ROLE)
                .member(pubsubAgent)
                .build(), ChildOptions.of(this));
        new SubscriptionIAMMember(name + "-dead-letter-forwarder", SubscriptionIAMMemberArgs.builder()
                .subscription(subscription.id())
                .role(SUBSCRIBER_ROLE)
                .member(pubsubAgent)
                .build(), ChildOptions.of(this));

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("topicId", topic.id());
        outputs.put("topicName", topic.name());
        outputs.put("subscriptionId", subscription.id());
        outputs.put("subscriptionName", subscription.name());
        outputs.put("deadLetterSubscriptionName", deadLetterSubscription.name());
        registerOutputs(outputs);
    }

    private static TopicArgs topicArgs(String topicName, Args args) {
        return TopicArgs.builder()
                .name(topicName)
                .messageStoragePolicy(TopicMessageStoragePolicyArgs.builder()
                        .allowedPersistenceRegions(args.regions())
                        .build())
                .labels(args.labels())
                .build();
    }

    private static SubscriptionExpirationPolicyArgs neverExpires() {
        return SubscriptionExpirationPolicyArgs.builder().ttl(NEVER_EXPIRES).build();
    }

    private static Output<String> serviceAccount(Output<String> email) {
        return email.applyValue(e -> "serviceAccount:" + e);
    }

    /** A duration as the Pub/Sub API writes it: whole seconds with an {@code s}. */
    static String duration(int seconds) {
        return seconds + "s";
    }

    /** The project's Pub/Sub service agent, which forwards messages to a dead-letter topic. */
    public static String serviceAgent(String projectNumber) {
        return "service-" + projectNumber + "@gcp-sa-pubsub.iam.gserviceaccount.com";
    }

    /** The task topic's full name ({@code projects/<project>/topics/<name>}): what a publisher client takes. */
    public Output<String> topicId() {
        return topic.id();
    }

    public Output<String> topicName() {
        return topic.name();
    }

    /** The workers' subscription's full name ({@code projects/<project>/subscriptions/<name>}). */
    public Output<String> subscriptionId() {
        return subscription.id();
    }

    public Output<String> subscriptionName() {
        return subscription.name();
    }

    /** Where dead letters wait for an operator ({@code gcloud pubsub subscriptions pull <name>}). */
    public Output<String> deadLetterSubscriptionName() {
        return deadLetterSubscription.name();
    }

    /**
     * @param topicName                  the task topic
     * @param subscriptionName           the workers' pull subscription
     * @param deadLetterTopicName        where tasks go after the last delivery attempt
     * @param deadLetterSubscriptionName the dead-letter topic's subscription, which keeps them
     * @param regions                    where messages may be stored (the stack's regions)
     * @param publishers                 service account emails that publish tasks
     * @param subscribers                service account emails that take tasks
     * @param ackDeadlineSeconds         10 to 600 (the API's range)
     * @param retentionSeconds           how long undelivered messages are kept: 600 to 604,800 (10 minutes to 7 days)
     * @param maxDeliveryAttempts        5 to 100 (the API's range)
     * @param protect                    protect the topics, protect and retain the subscriptions (prod)
     */
    public record Args(String topicName, String subscriptionName, String deadLetterTopicName,
                       String deadLetterSubscriptionName, List<String> regions, List<Output<String>> publishers,
                       List<Output<String>> subscribers, int ackDeadlineSeconds, int retentionSeconds,
                       int maxDeliveryAttempts, boolean protect, Map<String, String> labels) {
        public Args {
            regions = List.copyOf(regions);
            publishers = List.copyOf(publishers);
            subscribers = List.copyOf(subscribers);
            labels = Map.copyOf(labels);
            for (String n : List.of(topicName, subscriptionName, deadLetterTopicName, deadLetterSubscriptionName)) {
                checkName(n);
            }
            if (topicName.equals(deadLetterTopicName)) {
                throw new IllegalArgumentException("topic " + topicName + ": the dead-letter topic must be another topic");
            }
            if (subscriptionName.equals(deadLetterSubscriptionName)) {
                throw new IllegalArgumentException("subscription " + subscriptionName
                        + ": the dead-letter subscription must be another subscription");
            }
            if (regions.isEmpty() || regions.size() != new HashSet<>(regions).size()) {
                throw new IllegalArgumentException("message queue " + topicName + ": one or more distinct regions to"
                        + " store messages in");
            }
            range("ack deadline", ackDeadlineSeconds, 10, 600, " s");
            range("message retention", retentionSeconds, 600, RETENTION_SECONDS, " s");
            range("max delivery attempts", maxDeliveryAttempts, 5, 100, "");
        }

        /**
         * The stack's queue: {@code sc-<stack>-tasks} (topic), {@code sc-<stack>-tasks-workers} (subscription),
         * {@code sc-<stack>-tasks-dead-letter} (the dead-letter topic and its subscription), with this class's
         * delivery settings.
         */
        public static Args forStack(String stack, List<String> regions, List<Output<String>> publishers,
                                    List<Output<String>> subscribers, boolean protect, Map<String, String> labels) {
            String base = "sc-" + stack + "-tasks";
            return new Args(base, base + "-workers", base + "-dead-letter", base + "-dead-letter", regions, publishers,
                    subscribers, ACK_DEADLINE_SECONDS, RETENTION_SECONDS, MAX_DELIVERY_ATTEMPTS, protect, labels);
        }

        /**
         * Pub/Sub's resource name rule: 3 to 255 characters, a letter first, then letters, digits and
         * {@code - _ . ~ + %}; not starting with {@code goog}.
         */
        static void checkName(String name) {
            if (name == null || !name.matches("^[A-Za-z][A-Za-z0-9._~+%-]{2,254}$")
                    || name.toLowerCase(Locale.ROOT).startsWith("goog")) {
                throw new IllegalArgumentException("Pub/Sub name '" + name + "': 3-255 characters, a letter first, then"
                        + " letters, digits, - _ . ~ + or %, and not starting with goog");
            }
        }

        private static void range(String what, int value, int min, int max, String unit) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " of " + value + unit + ": Pub/Sub takes " + min + " to "
                        + max + unit);
            }
        }
    }
}
