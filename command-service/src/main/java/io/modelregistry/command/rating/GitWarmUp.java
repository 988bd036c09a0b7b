package io.modelregistry.command.rating;

import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * JGit's first use costs about a second (file-system detection, reading git configuration); doing it in the
 * background at start-up keeps that second out of the first model ingest.
 */
@Component
class GitWarmUp {

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                FS.detect();
                SystemReader.getInstance().getUserConfig();
            } catch (Exception ignored) {
                // only a warm-up: the first clone will report any real problem
            }
        }, "jgit-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
