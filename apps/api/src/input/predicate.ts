import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A class-validator decorator from a predicate and the message that says what was expected. */
export function predicateDecorator(name: string, test: (v: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: test },
      });
}
