package io.stagecraft.components.aws;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The single-VM stack's network and host: the host sits in the network's public subnet, its firewall in the VPC. */
class AwsSingleVmBuildingBlocksTest {

    private static ResourceGraph graph() {
        // its own engine run, so coverage tools credit this test with the code the run executes
        return OfflinePlanner.defaults().plan(Path.of("stacks/single-vm-aws.yaml")).run().graph();
    }

    @Test
    void theFirewallIsInTheNetworksVpcAndTheHostInItsPublicSubnet() {
        String vpc = String.valueOf(graph().one("aws:ec2/vpc:Vpc").outputs().get("id"));
        String subnet = String.valueOf(graph().one("aws:ec2/subnet:Subnet", "-public").outputs().get("id"));
        assertTrue(vpc.startsWith("vpc-") && subnet.startsWith("subnet-"), vpc + " " + subnet);
        assertEquals(vpc, graph().one("aws:ec2/securityGroup:SecurityGroup").string("vpcId"));
        ResourceNode host = graph().one("aws:ec2/instance:Instance");
        assertEquals(subnet, host.string("subnetId"));
        // the AMI id the offline engine answers for the Debian 12 lookup
        assertEquals("ami-08a1491fead264869", host.string("ami"));
    }
}
