export * from './step-fields';
export * from './step-stretches';
