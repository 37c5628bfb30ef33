package io.stagecraft;

import io.stagecraft.cli.Cli;
import io.stagecraft.cli.TunedLauncher;

/**
 * The jar's entry point. Run by the Pulumi CLI (which sets PULUMI_MONITOR) it is the Pulumi program; run by a
 * person it is the Stagecraft command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 && System.getenv("PULUMI_MONITOR") != null) {
            App.main(args);
            return;
        }
        var tuned = TunedLauncher.relaunch(args);
        System.exit(tuned.isPresent() ? tuned.get() : Cli.run(args));
    }
}
