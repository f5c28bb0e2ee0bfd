import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, Roles } from './auth.decorators';
import { CreateUserDto, LoginDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: LoginDto) {
    return this.auth.login(body.email, body.password);
  }

  @ApiBearerAuth()
  @Get('auth/me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @ApiBearerAuth()
  @Roles()
  @Post('users')
  async createUser(@Body() body: CreateUserDto) {
    const { passwordHash: _hidden, ...user } = await this.auth.createUser(body.email, body.password, body.role, body.officialId);
    return user;
  }

  @ApiBearerAuth()
  @Roles()
  @Get('users')
  listUsers() {
    return this.auth.listUsers();
  }
}
