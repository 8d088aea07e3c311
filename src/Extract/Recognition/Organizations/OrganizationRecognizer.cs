namespace Extract.Recognition.Organizations;

/// <summary>Wired into the pipeline; the gazetteer-and-grammar layer (issue 6) fills it. Today it finds nothing.</summary>
internal sealed class OrganizationRecognizer : IRecognizer
{
    public Mentions Recognize(DocumentText document, Mentions found, CancellationToken cancellationToken) => found;
}
