namespace Extract;

/// <summary>An extra gazetteer entry (<see cref="ExtractorOptions.UserDivisions"/>): a place name and its administrative division code.</summary>
/// <param name="Name">The name as written in articles (翠微坪).</param>
/// <param name="Code">The division code (NBS: 2 digits a province, 4 a city, 6 a county, 9 a township, 12 a village or community).</param>
public sealed record UserDivision(string Name, string Code);

/// <summary>A place recognised as written, with no code (<see cref="ExtractorOptions.UserPlaces"/>).</summary>
/// <param name="Name">The name as written in articles (滨江花园).</param>
/// <param name="Level">Its level (a compound, a venue…).</param>
public sealed record UserPlace(string Name, PlaceLevel Level);

/// <summary>An organisation recognised as written (<see cref="ExtractorOptions.UserOrganizations"/>).</summary>
/// <param name="Name">The name as written in articles.</param>
/// <param name="Kind">The kind of body.</param>
public sealed record UserOrganization(string Name, OrganizationKind Kind);
