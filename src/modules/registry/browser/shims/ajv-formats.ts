/** The formats are compiled into the prebuilt validators (see ajv.ts); nothing to add at run time. */
export default function addFormats<T>(ajv: T): T {
  return ajv;
}
