/**
 * One command run: the environment loaded once and the Docker engine connected lazily (a failed
 * connect remembered). Endpoints are resolved by {@link com.peaktrade.obs.stack.EndpointResolver}.
 */
package com.peaktrade.obs.session;
