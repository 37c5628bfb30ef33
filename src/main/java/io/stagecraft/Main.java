package io.stagecraft;

import io.stagecraft.cli.Cli;
import io.stagecraft.cli.TunedLauncher;
import io.stagecraft.sizing.Catalog;
import java.util.Set;

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
        if (tuned.isPresent()) {
            System.exit(tuned.get());
        }
        if (args.length > 0 && Set.of("size", "plan", "diff", "policy").contains(args[0])) {
            readCatalogMeanwhile();
        }
        System.exit(Cli.run(args));
    }

    /**
     * Every command sizes against the price catalog; reading it (a YAML document of a few hundred entries)
     * on a second thread overlaps with building the command line and reading the stack file. A catalog that fails to
     * load is reported by the command that needs it, as before.
     */
    private static void readCatalogMeanwhile() {
        Thread reader = new Thread(() -> {
            try {
                Catalog.loadDefault();
            } catch (RuntimeException e) {
                // the command's own load reports it
            }
        }, "catalog-reader");
        reader.setDaemon(true);
        reader.start();
    }
}
