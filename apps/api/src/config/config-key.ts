/** The injection token of one configuration section (`@Inject(authConfig.KEY)`). */
export function configKey<Name extends string>(name: Name) {
  return { KEY: `config.${name}` } as const;
}
