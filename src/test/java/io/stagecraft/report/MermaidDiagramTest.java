package io.stagecraft.report;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {
    @Test
    void theHorizontalStageAsBlocksWithTheirReferences() {
        String chart = MermaidDiagram.flowchart(Plans.of("stacks/horizontal.yaml").run().graph());
        assertTrue(chart.startsWith("flowchart LR\n  users([\"Users\"])\n  subgraph s0[\"stagecraft · HorizontalStack\"]\n"));
        assertTrue(chart.contains("    b4[\"stagecraft-lb<br/>LoadBalancer · 10 resources\"]\n"), chart);
        assertTrue(chart.contains("  users --> b4\n"), "users reach the load balancer");
        assertTrue(chart.contains("  b4 --> b2\n"), "the load balancer sends to the API pool");
        assertTrue(chart.contains("  b7 --> b6\n"), "Cloud SQL sits on the private network");
        assertFalse(chart.contains("legacy"));
    }

    @Test
    void labelsCannotBreakOutOfTheirQuotes() {
        assertEquals("a #quot;b#quot; #lt;i#gt; #amp;", MermaidDiagram.escape("a \"b\" <i> &"));
    }
}
