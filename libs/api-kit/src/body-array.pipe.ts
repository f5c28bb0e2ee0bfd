import { BadRequestException, Injectable, PipeTransform, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { describeValidationErrors } from './validation';

/** Accepts one object or an array of them, validates each, and always hands an array on. */
@Injectable()
export class OneOrManyPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  constructor(private readonly dto: Type<T>, private readonly max = 500) {}

  async transform(value: unknown): Promise<T[]> {
    const many = Array.isArray(value);
    const items = many ? (value as unknown[]) : [value];
    if (items.length === 0) throw new BadRequestException(['body must contain at least one item']);
    if (items.length > this.max) throw new BadRequestException([`body may contain at most ${this.max} items`]);
    const messages: string[] = [];
    const out: T[] = [];
    for (const [index, item] of items.entries()) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        messages.push(`${many ? `[${index}]` : 'body'} must be an object`);
        continue;
      }
      const instance = plainToInstance(this.dto, item);
      const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
      messages.push(...describeValidationErrors(errors, many ? `[${index}]` : ''));
      out.push(instance);
    }
    if (messages.length) throw new BadRequestException(messages);
    return out;
  }
}
