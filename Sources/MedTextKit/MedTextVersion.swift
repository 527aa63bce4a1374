/// The version of medtext, reported by `medtext --version`, in outputs and in FHIR Provenance.
public enum MedTextVersion {
    public static let string = "0.1.0"
}
