import FHIRMapper

/// FHIRMapper's Coding, named apart from MedTextKit's batch `FHIRCoding` (both are imported in
/// FHIRCommand.swift; this file imports only FHIRMapper, so the name is not ambiguous here).
typealias MapperCoding = FHIRCoding
