package dev.prebreak.sim.org;

/** ACD routing states the simulator models (Genesys also has NOT_RESPONDING and COMMUNICATING). */
public enum RoutingStatus { OFF_QUEUE, IDLE, INTERACTING }
