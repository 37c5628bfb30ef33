package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.PUBSUB_SUBSCRIPTION;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pub/Sub subscriptions, which hold a queue's undelivered messages: they never expire, keep messages long enough for
 * their subscribers to come back, and set failing messages aside where they are kept. Who may publish or subscribe is
 * checked with the other IAM grants ({@link IamRules}).
 */
final class PubSubRules {
    private PubSubRules() {
    }

    /** The shortest retention the advisory rule accepts: a day, covering workers stopped overnight. */
    static final double MIN_RETENTION_SECONDS = 86_400;

    static List<Rule> all() {
        return List.of(NEVER_EXPIRES, RETENTION, DEAD_LETTER_KEPT);
    }

    static final Rule NEVER_EXPIRES = Rule.define("gcp-pubsub-subscription-never-expires")
            .title("Pub/Sub subscriptions never expire")
            .why("Without an expiration policy Pub/Sub deletes a subscription no subscriber has used for 31 days, with"
                    + " the messages it holds: a dead-letter subscription, read only by an operator, or the workers'"
                    + " subscription of a stack whose workers are stopped. An expiration policy with an empty ttl keeps"
                    + " it. Mandatory: data loss.")
            .fix("Set expirationPolicy.ttl to \"\" (never expires).")
            .mandatory().appliesTo(PUBSUB_SUBSCRIPTION)
            .perResource((subscription, ctx) -> {
                Inputs.Lookup policy = Inputs.at(subscription, "expirationPolicy");
                Inputs.Lookup ttl = Inputs.at(subscription, "expirationPolicy.ttl");
                if (policy.unknown() || ttl.unknown() || (ttl.missing() && policy.present()) || ttl.is("")) {
                    return List.of(); // a policy without a ttl never expires either
                }
                return List.of(policy.missing()
                        ? "No expirationPolicy: Pub/Sub deletes the subscription after 31 days without a subscriber."
                        : "expirationPolicy.ttl is " + ttl.text() + ": Pub/Sub deletes the subscription after that long"
                        + " without a subscriber.");
            });

    static final Rule RETENTION = Rule.define("gcp-pubsub-retention-at-least-a-day")
            .title("Pub/Sub subscriptions keep undelivered messages a day or more")
            .why("messageRetentionDuration is how long a message waits for a subscriber; past it the message is dropped,"
                    + " taken or not. A day covers workers stopped overnight; the API's default and Stagecraft's queue"
                    + " keep 7 days, the maximum. Advisory: messages worthless after minutes (live notifications) may be"
                    + " kept for less.")
            .fix("Set messageRetentionDuration to \"86400s\" or more (at most \"604800s\"), or leave it unset (7 days).")
            .advisory().appliesTo(PUBSUB_SUBSCRIPTION)
            .perResource((subscription, ctx) -> {
                Inputs.Lookup retention = Inputs.at(subscription, "messageRetentionDuration");
                double seconds = seconds(retention);
                return Double.isNaN(seconds) || seconds >= MIN_RETENTION_SECONDS ? List.of()
                        : List.of("messageRetentionDuration is " + retention.text() + ": an undelivered message is"
                        + " dropped after less than a day.");
            });

    static final Rule DEAD_LETTER_KEPT = Rule.define("gcp-pubsub-dead-letter-kept")
            .title("Pub/Sub subscriptions dead-letter into a topic whose subscription keeps the messages")
            .why("Without a dead-letter policy a message that keeps failing (a poison task) is redelivered until its"
                    + " retention runs out, taking the subscribers' time, and is then dropped without a trace; with one it"
                    + " is set aside after a few attempts. The dead-letter topic needs a subscription of its own: Pub/Sub"
                    + " drops what is published to a topic nobody subscribes to. A subscription that is itself where dead"
                    + " letters are kept needs no policy. Advisory: an application may set failing messages aside itself.")
            .fix("Set deadLetterPolicy (deadLetterTopic and maxDeliveryAttempts, 5 to 100) and give the dead-letter topic"
                    + " a subscription that never expires (GcpMessageQueue does both).")
            .advisory().appliesTo(PUBSUB_SUBSCRIPTION)
            .onGraph(PubSubRules::deadLettersNotKept);

    private static List<Rule.Finding> deadLettersNotKept(ResourceGraph graph, PolicyContext ctx) {
        List<ResourceNode> subscriptions = graph.ofType(PUBSUB_SUBSCRIPTION);
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode subscription : subscriptions) {
            Inputs.Lookup policy = Inputs.at(subscription, "deadLetterPolicy");
            Inputs.Lookup deadLetterTopic = Inputs.at(subscription, "deadLetterPolicy.deadLetterTopic");
            if (policy.unknown() || deadLetterTopic.unknown()) {
                continue;
            }
            if (deadLetterTopic.present()) {
                String topic = deadLetterTopic.text();
                if (subscriptions.stream().noneMatch(other -> reads(other, topic))) {
                    out.add(new Rule.Finding(subscription, "Its dead-letter topic " + shortName(topic) + " has no"
                            + " subscription: Pub/Sub drops the dead letters."));
                }
            } else if (!keepsDeadLetters(subscription, subscriptions)) {
                out.add(new Rule.Finding(subscription, "No dead-letter topic: a message that keeps failing is redelivered"
                        + " until its retention runs out, then dropped."));
            }
        }
        return out;
    }

    /** True when the subscription reads the topic (by full or short name), or its topic is not known yet. */
    private static boolean reads(ResourceNode subscription, String topic) {
        Inputs.Lookup own = Inputs.at(subscription, "topic");
        return own.unknown() || own.present() && shortName(own.text()).equals(shortName(topic));
    }

    /** True when some subscription dead-letters into the topic this one reads (or names a topic not known yet). */
    private static boolean keepsDeadLetters(ResourceNode subscription, List<ResourceNode> subscriptions) {
        Inputs.Lookup topic = Inputs.at(subscription, "topic");
        if (!topic.present()) {
            return true; // cannot tell: never fail on an unknown
        }
        return subscriptions.stream().anyMatch(other -> {
            Inputs.Lookup target = Inputs.at(other, "deadLetterPolicy.deadLetterTopic");
            return target.unknown() || target.present() && shortName(target.text()).equals(shortName(topic.text()));
        });
    }

    /** A topic's short name from {@code projects/<p>/topics/<name>} or the name itself. */
    private static String shortName(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    /** A Pub/Sub duration ("604800s", "600.5s") in seconds, or NaN when absent, unknown or not a duration. */
    static double seconds(Inputs.Lookup duration) {
        if (!duration.present() || !(duration.value() instanceof String text) || !text.matches("^\\d+(\\.\\d{1,9})?s$")) {
            return Double.NaN;
        }
        return Double.parseDouble(text.substring(0, text.length() - 1));
    }
}
