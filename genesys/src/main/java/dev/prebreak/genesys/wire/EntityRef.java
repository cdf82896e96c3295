package dev.prebreak.genesys.wire;

/** A reference to another entity by id ({@code UserReference}, {@code BusinessUnitReference}...). */
public record EntityRef(String id) {
}
