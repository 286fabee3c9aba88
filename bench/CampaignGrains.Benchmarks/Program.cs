using CampaignGrains.Benchmarks;

return await EndToEndBenchmark.RunAsync(args, Console.Out);
