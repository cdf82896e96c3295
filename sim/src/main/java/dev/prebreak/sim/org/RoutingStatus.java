package dev.prebreak.sim.org;

/**
 * ACD routing states, as Genesys names them. NOT_RESPONDING and COMMUNICATING occur only for the share of
 * agents {@link Org#setRoutingShares} picks.
 */
public enum RoutingStatus { OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING, COMMUNICATING }
