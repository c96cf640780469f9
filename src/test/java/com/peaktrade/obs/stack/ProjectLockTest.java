package com.peaktrade.obs.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.EnvironmentException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {
    @TempDir
    Path state;

    @Test
    void secondRunOnTheSameProjectIsRefusedNamingTheHolder() {
        try (ProjectLock first = ProjectLock.acquire(state, "p", "shadow up", Duration.ofSeconds(1))) {
            assertThat(ProjectLock.tryAcquire(state, "p", "shadow down")).isEmpty();
            assertThatThrownBy(() -> ProjectLock.acquire(state, "p", "shadow down", Duration.ofMillis(300)))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("project p is busy")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + ", shadow up");
        }
        try (ProjectLock again = ProjectLock.acquire(state, "p", "shadow down", Duration.ofSeconds(1))) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void otherProjectsAreIndependent() {
        try (ProjectLock a = ProjectLock.acquire(state, "a", "up", Duration.ofSeconds(1));
                ProjectLock b = ProjectLock.acquire(state, "b", "up", Duration.ofSeconds(1))) {
            assertThat(a).isNotNull();
            assertThat(b).isNotNull();
        }
    }
}
