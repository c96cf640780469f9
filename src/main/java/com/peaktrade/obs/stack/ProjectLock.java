package com.peaktrade.obs.stack;

import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.poll.Poller;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * One `up`/`down` per project at a time on this machine, so two runs never build a half-mixed
 * stack. An OS file lock: released by the kernel when the process dies, even on SIGKILL, so a
 * crashed run never leaves a stale lock behind.
 */
public final class ProjectLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path file(Path stateDir, String project) {
        return stateDir.resolve("locks").resolve(project + ".lock");
    }

    /** The lock if it is free now; what = a description of this run for whoever waits on it. */
    public static Optional<ProjectLock> tryAcquire(Path stateDir, String project, String what) {
        Path file = file(stateDir, project);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + what + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return Optional.of(new ProjectLock(channel, lock));
        } catch (IOException e) {
            throw new EnvironmentException("cannot create the project lock " + file + ": " + e.getMessage(),
                    "make " + stateDir + " writable or set XDG_STATE_HOME", e);
        }
    }

    /** Who holds the lock, as written by its holder ("pid 123, shadow up"), or "another run". */
    public static String holder(Path stateDir, String project) {
        try {
            String text = Files.readString(file(stateDir, project)).strip();
            return text.isEmpty() ? "another run" : text;
        } catch (IOException e) {
            return "another run";
        }
    }

    /** Waits (bounded) for the lock; refuses clearly when it stays taken. */
    public static ProjectLock acquire(Path stateDir, String project, String what, Duration wait) {
        var outcome = Poller.within(wait).until(() -> tryAcquire(stateDir, project, what));
        return outcome.value().orElseThrow(() -> new EnvironmentException(
                "project " + project + " is busy: another peaktrade-obs run (" + holder(stateDir, project)
                        + ") is still working on it after " + wait.toSeconds() + " s",
                "wait for it to finish, or stop it (Ctrl-C); then run again"));
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the kernel releases it with the process anyway
        }
    }
}
