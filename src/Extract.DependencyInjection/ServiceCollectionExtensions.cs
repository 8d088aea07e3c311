using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Extract.DependencyInjection;

/// <summary>Registers Extract's <see cref="ArticleExtractor"/> with a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="ArticleExtractor"/> (immutable and thread-safe, so a singleton) and the
    /// <see cref="ExtractorOptions"/> it was built with. The extractor is built on first use; if an
    /// <see cref="ILogger{ArticleExtractor}"/> is registered, it logs the options the extractor starts with.
    /// A second call does not replace the first registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options, starting from <see cref="ExtractorOptions.Default"/>:
    /// <c>o => o with { MaxDegreeOfParallelism = 4 }</c>. Null keeps the defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    [RequiresUnreferencedCode(Unsupported)]
    [RequiresDynamicCode(Unsupported)]
    public static IServiceCollection AddArticleExtractor(this IServiceCollection services, Func<ExtractorOptions, ExtractorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = configure is null ? ExtractorOptions.Default : configure(ExtractorOptions.Default);
        ArgumentNullException.ThrowIfNull(options, nameof(configure));
        services.TryAddSingleton(options);
        services.TryAddSingleton(provider =>
        {
            var chosen = provider.GetRequiredService<ExtractorOptions>();
            var logger = provider.GetService<ILogger<ArticleExtractor>>() ?? NullLogger<ArticleExtractor>.Instance;
            var extractor = new ArticleExtractor(chosen);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "ArticleExtractor ready: entities {Entities}, learned page blocks {LearnedPageBlocks}, parallelism {Parallelism}, {UserWords} user word(s)",
                    chosen.Entities,
                    chosen.UseLearnedPageBlocks,
                    chosen.MaxDegreeOfParallelism,
                    chosen.UserWords.IsDefault ? 0 : chosen.UserWords.Length);
            }

            return extractor;
        });
        return services;
    }

    private const string Unsupported = "Extract does not support trimming or Native AOT (its models run on Microsoft.ML).";
}
