package io.stagecraft.components;

/** Shell steps shared by the boot scripts: each is idempotent, so a reboot runs it again safely. */
public final class ScriptSnippets {
    private ScriptSnippets() {
    }

    /** Docker Engine and the Compose plugin, once. */
    public static final String DOCKER = """
            if ! command -v docker >/dev/null 2>&1; then
              apt-get update -y && apt-get install -y ca-certificates curl
              curl -fsSL https://get.docker.com | sh
            fi
            systemctl enable --now docker
            """;

    /** The NVIDIA driver (Debian non-free) and container toolkit, once, on GPU machine types. */
    public static final String GPU = """
            if ! command -v nvidia-smi >/dev/null 2>&1; then
              sed -i 's/^Components: main$/Components: main contrib non-free non-free-firmware/' /etc/apt/sources.list.d/debian.sources || true
              sed -i -E 's/^(deb .* bookworm(-updates|-security)?) main$/\\1 main contrib non-free non-free-firmware/' /etc/apt/sources.list || true
              apt-get update -y && apt-get install -y "linux-headers-$(uname -r)" nvidia-driver firmware-misc-nonfree
              curl -fsSL https://nvidia.github.io/libnvidia-container/gpgkey | gpg --dearmor -o /usr/share/keyrings/nvidia-container-toolkit.gpg
              curl -fsSL https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list \\
                | sed 's#deb https://#deb [signed-by=/usr/share/keyrings/nvidia-container-toolkit.gpg] https://#' \\
                > /etc/apt/sources.list.d/nvidia-container-toolkit.list
              apt-get update -y && apt-get install -y nvidia-container-toolkit
              nvidia-ctk runtime configure --runtime=docker && systemctl restart docker
            fi
            """;
}
