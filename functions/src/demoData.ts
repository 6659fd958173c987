// The demo data of the core, for the local host. Imported by path because shared/src/index.ts does not
// export './demo' yet; once it does, this becomes `export { demoOrg } from '@teamsheet/shared'`.
export { demoOrg } from '@teamsheet/shared';
