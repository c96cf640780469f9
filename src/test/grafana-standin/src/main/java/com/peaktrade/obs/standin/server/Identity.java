package com.peaktrade.obs.standin.server;

/**
 * Who a request is from, after authentication: a user or a service account, acting in an org with a
 * basic role there (Admin, Editor, Viewer, None; a user who is not a member of the org has None).
 */
record Identity(long id, String login, String name, boolean serviceAccount, long orgId, String role, boolean grafanaAdmin) {
}
