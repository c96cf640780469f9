package com.peaktrade.obs.grafana;

/** A top-level folder of {@code /api/folders} (never General). {@code parentUid} is null unless nested. */
public record Folder(long id, String uid, String title, String parentUid) {
}
