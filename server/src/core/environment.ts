// The environment variables dbnd sees (`os.environ`): values are expanded against it (`$VAR`, `~`), it names
// the config files (DBND_CONFIG, DBND_HOME) and it sets keys (DBND__SECTION__KEY). The core never reads
// `process.env`; callers pass this map.
export type Environment = Readonly<Record<string, string | undefined>>;
